export * from './publication-review-routes';
export * from './oversight-routes';
export * from './oversight-streams';
export * from './sagas/review-gate';
export * from './sagas/publish-reviewed-oversight-items';
export * from './integrity/checkpoint-issuer';
export * from './responsibility/work-plan-seeder';
export * from './oversight-service.module';
