// The NATS transport of the distributed runtime. Not re-exported from the package root: the
// embedded runtime must not load the NATS client. Import it as `@gongkai/messaging/nats`.
export { connectNats, watchStatus, type ConnectNatsOptions, type StatusWatch } from './connection';
export { NatsCommandBus, type NatsCommandBusOptions } from './nats-command-bus';
export { requestInboxOf, type RequestInbox, type RequestOutcome } from './request-inbox';
export { JetStreamEventBus, type JetStreamEventBusOptions } from './jetstream-event-bus';
export { COMMAND_HEADERS } from './command-wire';
export { PARKED_HEADERS, parkedSubject } from './parked-stream';
export { commandSubject, jetStreamName } from './subjects';
