import type { Rate } from '../support/report';
import { median } from '../support/timing';
import { compareAnswer, failuresOf, fireLoad } from './load';

export interface LoadTarget {
  readonly name: string;
  /** A GraphQL endpoint on the loopback interface. */
  readonly url: string;
}

export interface LoadSettings {
  readonly connections: number;
  readonly warmUpSeconds: number;
  readonly rounds: number;
  /** Whole seconds: autocannon stops on its one-second tick, so 2.5 s runs for 3. */
  readonly roundSeconds: number;
}

export const HTTP_SETTINGS: { readonly full: LoadSettings; readonly quick: LoadSettings } = {
  full: { connections: 32, warmUpSeconds: 2, rounds: 5, roundSeconds: 2 },
  quick: { connections: 8, warmUpSeconds: 1, rounds: 2, roundSeconds: 1 },
};

/** One server's figures, and whether it answered what the platform answered. */
export interface ServerMeasurement {
  readonly name: string;
  readonly requestsPerSecond: number;
  readonly requests: number;
  /** Medians over the rounds. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly answer: string;
  /** Set when the figure proves nothing: the answer differed, or the load test saw failures. */
  readonly invalid?: string;
}

/**
 * Loads every target with the same connections and total duration, in short rounds taken in
 * turn (and in a rotated order): on a shared machine the speed of a core drifts by a factor of two
 * within a minute, and measuring one server after another would put that drift into the ratios.
 * Each is first checked against the platform's answer and warmed up (graphql-jit compiles after
 * the first execution; V8 optimises after some thousands).
 */
export const measureInterleaved = async (targets: readonly LoadTarget[], expected: string, settings: LoadSettings): Promise<ServerMeasurement[]> => {
  const answers: Awaited<ReturnType<typeof compareAnswer>>[] = [];
  for (const target of targets) {
    answers.push(await compareAnswer(target.url, expected));
    await fireLoad(target.url, settings.connections, settings.warmUpSeconds);
  }
  const tallies = targets.map(() => ({ requests: 0, seconds: 0, p50: [] as number[], p99: [] as number[], failures: [] as string[] }));
  for (let round = 0; round < settings.rounds; round++) {
    for (let turn = 0; turn < targets.length; turn++) {
      const index = (round + turn) % targets.length;
      const result = await fireLoad(targets[index].url, settings.connections, settings.roundSeconds);
      const tally = tallies[index];
      tally.requests += result.requests.total;
      tally.seconds += result.duration;
      tally.p50.push(result.latency.p50);
      tally.p99.push(result.latency.p99);
      tally.failures.push(...failuresOf(result));
    }
  }
  return targets.map((target, i) => {
    const tally = tallies[i];
    const invalid = [answers[i].same ? '' : `answered differently (${answers[i].how})`, ...tally.failures].filter(Boolean).join('; ');
    return {
      name: target.name,
      requestsPerSecond: tally.requests / tally.seconds,
      requests: tally.requests,
      p50Ms: median(tally.p50),
      p99Ms: median(tally.p99),
      answer: answers[i].how,
      ...(invalid ? { invalid } : {}),
    };
  });
};

export const requestRate = (m: ServerMeasurement): Rate => ({ value: m.requestsPerSecond, unit: 'req/s' });

export const describeMeasurement = (m: ServerMeasurement): string =>
  `${m.name}: ${Math.round(m.requestsPerSecond).toLocaleString('en-US')} req/s, p50 ${m.p50Ms} ms, p99 ${m.p99Ms} ms, ` +
  `${m.requests.toLocaleString('en-US')} requests; answer: ${m.answer}${m.invalid ? `; INVALID: ${m.invalid}` : ''}`;

export const describeSettings = (settings: LoadSettings): string =>
  `${settings.connections} connections, ${settings.rounds} rounds of ${settings.roundSeconds} s per server taken in turn ` +
  `(${settings.rounds * settings.roundSeconds} s each) after ${settings.warmUpSeconds} s of warm-up`;
