import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type PlatformProcess, startPlatformProcess } from '@gongkai/testing';
import { CATALOGUE_REQUEST_BODY, JSON_HEADERS } from './http/catalogue-query';
import { describeMeasurement, describeSettings, HTTP_SETTINGS, measureInterleaved, requestRate, type ServerMeasurement } from './http/interleaved-load';
import { seedPublishedCatalogue } from './http/seed-catalogue';
import { withServerProcesses } from './http/server-process';
import type { BenchOptions } from './support/options';
import type { BenchResult, ResultRow } from './support/report';
import { withTempDir } from './support/temp-dir';

const PUBLISHED_ITEMS = { full: 50, quick: 25 };

/** The platform's answer to the catalogue query: what every baseline serves, and what the driver comparison reuses. */
export interface CatalogueRun extends BenchResult {
  readonly capturedBody: string;
}

const captureAnswer = async (platform: PlatformProcess): Promise<string> => {
  const response = await fetch(platform.graphqlUrl, { method: 'POST', headers: JSON_HEADERS, body: CATALOGUE_REQUEST_BODY });
  const body = await response.text();
  if (response.status !== 200 || body.includes('"errors"')) throw new Error(`The platform did not answer the catalogue query: ${body}`);
  return body;
};

/**
 * The whole platform in its own process, as `npm start` runs it, filled through GraphQL; then the
 * anonymous catalogue query against it and against the two baselines serving its captured answer.
 */
export const benchCatalogueQuery = (options: BenchOptions): Promise<CatalogueRun> =>
  withTempDir('catalogue', async (dir) => {
    const items = options.quick ? PUBLISHED_ITEMS.quick : PUBLISHED_ITEMS.full;
    const settings = options.quick ? HTTP_SETTINGS.quick : HTTP_SETTINGS.full;
    const platform = await startPlatformProcess();
    try {
      await seedPublishedCatalogue(platform.baseUrl, items);
      const capturedBody = await captureAnswer(platform);
      const file = join(dir, 'captured-response.json');
      await writeFile(file, capturedBody);
      const baselines = [
        { name: 'Fastify + Mercurius, jit: 1', script: 'mercurius-server.ts', args: [file, 'jit'] },
        { name: 'node:http, same bytes', script: 'node-http-server.ts', args: [file] },
      ];
      const [measured, mercurius, nodeHttp] = await withServerProcesses(baselines, (servers) =>
        measureInterleaved([{ name: 'platform', url: platform.graphqlUrl }, ...servers.map((server, i) => ({ name: baselines[i].name, url: server.url }))], capturedBody, settings),
      );
      const invalid = [measured, mercurius, nodeHttp].flatMap((m) => (m.invalid ? [`${m.name}: ${m.invalid}`] : [])).join('; ');
      const row = (baseline: ServerMeasurement, goal: number): ResultRow => ({
        measurement: 'catalogue query, whole platform',
        figure: requestRate(measured),
        baselineName: baseline.name,
        baseline: requestRate(baseline),
        goal,
        ...(invalid ? { invalid } : {}),
      });
      return {
        rows: [row(mercurius, 0.5), row(nodeHttp, 0.25)],
        notes: [
          `catalogue query: anonymous, first page of ${items} published items (${Buffer.byteLength(capturedBody)} B answer); ${describeSettings(settings)}`,
          ...[measured, mercurius, nodeHttp].map(describeMeasurement),
        ],
        capturedBody,
      };
    } finally {
      await platform.stop();
      platform.cleanup();
    }
  });
