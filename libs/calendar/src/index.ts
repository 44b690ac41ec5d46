export * from './local-date';
export * from './working-day-calendar';
export * from './statutory-years';
