export * from './platform-process';
export * from './graphql-client';
export * from './nats-server';
export * from './app-process';
export * from './distributed-platform';
export * from './clock-shift';
export * from './fixtures/service-guide';
export * from './fixtures/event-history';
