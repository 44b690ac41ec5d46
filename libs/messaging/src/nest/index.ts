export * from './context-service.module';
