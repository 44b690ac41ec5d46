import { compareAnswer, type LoadResult, type LoadSettings, loadTest } from './load';

/** One server's figures, and whether it answered what the platform answered. */
export interface ServerMeasurement {
  readonly name: string;
  readonly load: LoadResult;
  readonly answer: string;
  /** Set when the figure proves nothing: the answer differed, or the load test saw failures. */
  readonly invalid?: string;
}

export const HTTP_SETTINGS: { readonly full: LoadSettings; readonly quick: LoadSettings } = {
  full: { connections: 32, durationSeconds: 10, warmUpSeconds: 3 },
  quick: { connections: 8, durationSeconds: 2, warmUpSeconds: 1 },
};

/** Checks the answer at `url` against the platform's bytes, then load-tests it. */
export const measureServer = async (name: string, url: string, expected: string, settings: LoadSettings): Promise<ServerMeasurement> => {
  const answer = await compareAnswer(url, expected);
  const load = await loadTest(url, settings);
  const invalid = [answer.same ? '' : `answered differently (${answer.how})`, load.problems ?? ''].filter(Boolean).join('; ');
  return { name, load, answer: answer.how, ...(invalid ? { invalid } : {}) };
};

export const describeMeasurement = (m: ServerMeasurement): string =>
  `${m.name}: ${Math.round(m.load.requestsPerSecond).toLocaleString('en-US')} req/s, p50 ${m.load.p50Ms} ms, p99 ${m.load.p99Ms} ms, ` +
  `${m.load.requests.toLocaleString('en-US')} requests; answer: ${m.answer}${m.invalid ? `; INVALID: ${m.invalid}` : ''}`;

export const requestRate = (m: ServerMeasurement) => ({ value: m.load.requestsPerSecond, unit: 'req/s' });
