import type { CalendarYear } from './working-day-calendar';
