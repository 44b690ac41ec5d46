export * from './publication';
export * from './working-day-calendar';
