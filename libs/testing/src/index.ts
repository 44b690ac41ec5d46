export * from './platform-process';
export * from './graphql-client';
