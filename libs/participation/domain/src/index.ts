export * from './public-message-events';
export * from './public-message-commands';
export * from './channel-publication';
export * from './webhook-events';
export * from './webhook-commands';
