export * from './actor';
export * from './decider';
export * from './errors';
export * from './organisation';
export * from './validation';
