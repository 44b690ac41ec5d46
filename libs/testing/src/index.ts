export * from './platform-process';
export * from './graphql-client';
export * from './nats-server';
