export * from './context-service.module';
export * from './deadline-watch.host';
