export * from './decisions-routes';
export * from './sagas/publish-reviewed-decision-items';
export * from './sagas/register-adopted-policy';
export * from './decisions-service.module';
