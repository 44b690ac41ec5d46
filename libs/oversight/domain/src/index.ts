export * from './publication-review-events';
export * from './publication-review-commands';
