export * from './sqlite-event-store';
export * from './sqlite-checkpoint-store';
export type { DurabilityOptions } from './schema';
export * from './sqlite-personal-data-vault';
