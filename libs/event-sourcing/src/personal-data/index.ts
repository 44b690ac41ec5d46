export * from './personal-data-vault';
export * from './in-memory-personal-data-vault';
export { KeyTableVault, type KeyRow, type KeyTable } from './key-table-vault';
export * from './tokens';
