export * from './supervision-routes';
export * from './sagas/publish-reviewed-supervision-items';
export * from './sagas/publish-imported-chunks';
export * from './supervision-service.module';
