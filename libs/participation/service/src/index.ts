export * from './participation-routes';
export * from './participation-service.module';
