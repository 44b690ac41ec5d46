export * from './process-config';
export * from './service-runtime';
export * from './start-context-service';
export * from './gateway-runtime';
export * from './start-gateway';
