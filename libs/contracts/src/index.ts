export * from './publication';
