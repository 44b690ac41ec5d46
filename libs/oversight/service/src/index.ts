export * from './publication-review-routes';
export * from './sagas/review-gate';
export * from './oversight-service.module';
