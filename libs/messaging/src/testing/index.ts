export * from './command-bus-contract';
export * from './event-bus-contract';
export * from './write-side';
