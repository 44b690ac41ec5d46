export * from './supervision-routes';
export * from './supervision-service.module';
