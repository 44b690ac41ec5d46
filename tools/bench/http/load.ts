import autocannon from 'autocannon';
import { CATALOGUE_REQUEST_BODY, JSON_HEADERS } from './catalogue-query';

export interface LoadSettings {
  readonly connections: number;
  readonly durationSeconds: number;
  readonly warmUpSeconds: number;
}

export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  /** Connection errors, timeouts or non-2xx answers: a figure made of failures measures nothing. */
  readonly problems?: string;
}

const fire = (url: string, connections: number, duration: number) =>
  autocannon({ url, method: 'POST', headers: { ...JSON_HEADERS }, body: CATALOGUE_REQUEST_BODY, connections, duration });

/**
 * The catalogue query against `url` with autocannon, in this process: first a warm-up, discarded
 * (graphql-jit compiles after the first execution, V8 optimises after a few thousand), then the run.
 */
export const loadTest = async (url: string, settings: LoadSettings): Promise<LoadResult> => {
  await fire(url, settings.connections, settings.warmUpSeconds);
  const result = await fire(url, settings.connections, settings.durationSeconds);
  const failures = [
    result.errors ? `${result.errors} errors` : '',
    result.timeouts ? `${result.timeouts} timeouts` : '',
    result.non2xx ? `${result.non2xx} non-2xx` : '',
  ].filter(Boolean);
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    ...(failures.length ? { problems: failures.join(', ') } : {}),
  };
};

/** Asks `url` once and tells how its answer compares with the platform's captured bytes. */
export const compareAnswer = async (url: string, expected: string): Promise<{ readonly same: boolean; readonly how: string }> => {
  const response = await fetch(url, { method: 'POST', headers: JSON_HEADERS, body: CATALOGUE_REQUEST_BODY });
  const text = await response.text();
  if (response.status !== 200) return { same: false, how: `status ${response.status}: ${text.slice(0, 200)}` };
  if (text === expected) return { same: true, how: 'identical bytes' };
  const sameJson = JSON.stringify(JSON.parse(text)) === JSON.stringify(JSON.parse(expected));
  return sameJson ? { same: true, how: `same JSON, ${text.length} bytes vs ${expected.length}` } : { same: false, how: `different data: ${text.slice(0, 200)}` };
};
