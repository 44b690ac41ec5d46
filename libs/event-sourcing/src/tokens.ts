/** Nest injection tokens for the write side's infrastructure. Plain symbols: no Nest import here. */
export const EVENT_STORE = Symbol.for('gongkai.EventStore');
export const CHECKPOINT_STORE = Symbol.for('gongkai.CheckpointStore');
export const CLOCK = Symbol.for('gongkai.Clock');
export const CALENDAR = Symbol.for('gongkai.Calendar');
