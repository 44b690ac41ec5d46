export * from './json-logger';
export * from './metrics';
export * from './tokens';
export * from './request-scope';
export * from './tracing';
