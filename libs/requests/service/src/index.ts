export * from './requests-routes';
export * from './requests-service.module';
