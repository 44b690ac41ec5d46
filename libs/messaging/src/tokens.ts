/** Nest injection tokens for the transports. Plain symbols: no Nest import here. */
export const COMMAND_BUS = Symbol.for('gongkai.CommandBus');
export const EVENT_BUS = Symbol.for('gongkai.EventBus');
