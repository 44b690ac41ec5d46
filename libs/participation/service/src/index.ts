export * from './participation-routes';
export * from './participation-service.module';
export * from './sagas/publish-reviewed-public-message';
export * from './messages/overdue-message-watch';
export * from './channels/webhook-signature';
export * from './channels/webhook-sender';
export * from './channels/webhook-dispatcher';
export * from './sagas/publish-reviewed-activity';
