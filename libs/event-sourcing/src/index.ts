export * from './envelope';
export * from './event-store';
export * from './errors';
export * from './checkpoint-store';
