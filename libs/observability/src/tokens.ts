/** Nest injection token for the process's PlatformMetrics. A plain symbol: no Nest import here. */
export const METRICS = Symbol.for('gongkai.Metrics');
