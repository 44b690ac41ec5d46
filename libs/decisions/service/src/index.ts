export * from './decisions-routes';
export * from './decisions-service.module';
