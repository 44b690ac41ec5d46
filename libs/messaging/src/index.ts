export * from './command-bus';
export * from './event-bus';
