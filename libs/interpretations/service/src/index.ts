export * from './interpretations-routes';
export * from './sagas/follow-policy-documents';
export * from './sagas/publish-reviewed-interpretation-items';
export * from './sagas/report-published-interpretation-items';
export * from './interpretations-service.module';
