import autocannon from 'autocannon';
import { CATALOGUE_REQUEST_BODY, JSON_HEADERS } from './catalogue-query';

/** The catalogue query against `url` for `seconds`, with autocannon in this process. */
export const fireLoad = (url: string, connections: number, seconds: number): Promise<autocannon.Result> =>
  autocannon({ url, method: 'POST', headers: { ...JSON_HEADERS }, body: CATALOGUE_REQUEST_BODY, connections, duration: seconds });

/** Connection errors, timeouts and non-2xx answers: a figure made of failures measures nothing. */
export const failuresOf = (result: autocannon.Result): string[] =>
  [
    result.errors ? `${result.errors} errors` : '',
    result.timeouts ? `${result.timeouts} timeouts` : '',
    result.non2xx ? `${result.non2xx} non-2xx` : '',
  ].filter(Boolean);

/** Asks `url` once and tells how its answer compares with the platform's captured bytes. */
export const compareAnswer = async (url: string, expected: string): Promise<{ readonly same: boolean; readonly how: string }> => {
  const response = await fetch(url, { method: 'POST', headers: JSON_HEADERS, body: CATALOGUE_REQUEST_BODY });
  const text = await response.text();
  if (response.status !== 200) return { same: false, how: `status ${response.status}: ${text.slice(0, 200)}` };
  if (text === expected) return { same: true, how: 'identical bytes' };
  const sameJson = JSON.stringify(JSON.parse(text)) === JSON.stringify(JSON.parse(expected));
  return sameJson
    ? { same: true, how: `same JSON, ${Buffer.byteLength(text)} B vs ${Buffer.byteLength(expected)} B` }
    : { same: false, how: `different data: ${text.slice(0, 200)}` };
};
