export * from './interpretations-routes';
export * from './interpretations-service.module';
