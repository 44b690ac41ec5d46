export * from './service-item-routes';
export * from './sagas/publish-reviewed-service-item';
export * from './services-catalog-service.module';
