export * from './mongo-personal-data-vault';
