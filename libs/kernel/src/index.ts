export * from './actor';
export * from './content-hash';
export * from './decider';
export * from './errors';
export * from './organisation';
export * from './validation';
export * from './scope';
export * from './working-days';
