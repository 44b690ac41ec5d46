export * from './requests-routes';
export * from './sagas/publish-reviewed-request-answer';
export * from './supplement-deadline-watch';
export * from './requests-service.module';
