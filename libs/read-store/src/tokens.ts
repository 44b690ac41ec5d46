/** Nest injection tokens for the read side. Plain symbols: no Nest import here. */
export const READ_STORE = Symbol.for('gongkai.ReadStore');
export const PROJECTION_RUNNER = Symbol.for('gongkai.ProjectionRunner');
