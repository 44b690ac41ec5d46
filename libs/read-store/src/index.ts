export * from './read-store';
export * from './errors';
export * from './tokens';
export * from './projection';
export { BEFORE_FIRST_EVENT, ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner';
export { ProjectionTimeoutError } from './position-waiters';
export { InMemoryReadStore } from './memory/in-memory-read-store';
export * from './publication-history';
export * from './text-search';
