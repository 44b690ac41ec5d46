export * from './local-date';
export * from './local-date-input';
export * from './instant';
export * from './working-day-calendar';
export * from './statutory-years';
export * from './validate-calendar-year';
export { calendarYearNotLoaded, isCalendarYearNotLoaded } from './errors';
export * from './calendar-registry';
