export * from './command-bus-contract';
export * from './event-bus-contract';
