export * from './local-date';
export * from './working-day-calendar';
export * from './statutory-years';
export * from './validate-calendar-year';
export { calendarYearNotLoaded } from './errors';
