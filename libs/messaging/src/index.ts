export * from './command-bus';
export * from './event-bus';
export * from './tokens';
export * from './decider-command-handler';
export * from './instrumented-handler';
export * from './publish-reviewed-versions';
export * from './in-process/in-process-command-bus';
export * from './in-process/in-process-event-bus';
