export * from './platform-config';
export * from './embedded-runtime';
export * from './embedded-platform.module';
export * from './start-embedded-platform';
export * from './contexts';
export * from './run-process';
