export * from './service-guide';
export * from './service-item-events';
export * from './service-item-commands';
