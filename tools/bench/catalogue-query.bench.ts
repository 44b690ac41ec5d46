import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startPlatformProcess } from '@gongkai/testing';
import { CATALOGUE_REQUEST_BODY, JSON_HEADERS } from './http/catalogue-query';
import { describeMeasurement, HTTP_SETTINGS, measureServer, requestRate, type ServerMeasurement } from './http/measure-server';
import { seedPublishedCatalogue } from './http/seed-catalogue';
import { startServerProcess } from './http/server-process';
import type { BenchOptions } from './support/options';
import type { BenchResult } from './support/report';
import { withTempDir } from './support/temp-dir';

const PUBLISHED_ITEMS = { full: 50, quick: 25 };

/** What the driver comparison reuses: the platform's answer and the two baselines already measured. */
export interface CatalogueRun extends BenchResult {
  readonly capturedBody: string;
  readonly mercuriusJit: ServerMeasurement;
  readonly nodeHttp: ServerMeasurement;
}

/** Starts a baseline server on the captured answer, measures it, stops it. */
export const measureBaseline = async (
  name: string,
  script: string,
  args: readonly string[],
  capturedBody: string,
  options: BenchOptions,
): Promise<ServerMeasurement> => {
  const server = await startServerProcess(script, args);
  try {
    return await measureServer(name, server.url, capturedBody, options.quick ? HTTP_SETTINGS.quick : HTTP_SETTINGS.full);
  } finally {
    await server.stop();
  }
};

/** The whole platform in its own process, as `npm start` runs it, filled through GraphQL and then loaded. */
const measurePlatform = async (options: BenchOptions): Promise<{ measurement: ServerMeasurement; capturedBody: string }> => {
  const platform = await startPlatformProcess();
  try {
    await seedPublishedCatalogue(platform.baseUrl, options.quick ? PUBLISHED_ITEMS.quick : PUBLISHED_ITEMS.full);
    const response = await fetch(platform.graphqlUrl, { method: 'POST', headers: JSON_HEADERS, body: CATALOGUE_REQUEST_BODY });
    const capturedBody = await response.text();
    if (response.status !== 200 || capturedBody.includes('"errors"')) throw new Error(`The platform did not answer the catalogue query: ${capturedBody}`);
    const measurement = await measureServer('platform', platform.graphqlUrl, capturedBody, options.quick ? HTTP_SETTINGS.quick : HTTP_SETTINGS.full);
    return { measurement, capturedBody };
  } finally {
    await platform.stop();
    platform.cleanup();
  }
};

export const benchCatalogueQuery = (options: BenchOptions): Promise<CatalogueRun> =>
  withTempDir('catalogue', async (dir) => {
    const { measurement: platform, capturedBody } = await measurePlatform(options);
    const file = join(dir, 'captured-response.json');
    await writeFile(file, capturedBody);
    const mercuriusJit = await measureBaseline('Fastify + Mercurius, jit: 1', 'mercurius-server.ts', [file, 'jit'], capturedBody, options);
    const nodeHttp = await measureBaseline('node:http, same bytes', 'node-http-server.ts', [file], capturedBody, options);
    const settings = options.quick ? HTTP_SETTINGS.quick : HTTP_SETTINGS.full;
    const invalid = [platform.invalid, mercuriusJit.invalid, nodeHttp.invalid].filter(Boolean).join('; ');
    const row = (baseline: ServerMeasurement, goal: number) => ({
      measurement: 'catalogue query, whole platform',
      figure: requestRate(platform),
      baselineName: baseline.name,
      baseline: requestRate(baseline),
      goal,
      ...(invalid ? { invalid } : {}),
    });
    return {
      rows: [row(mercuriusJit, 0.5), row(nodeHttp, 0.25)],
      notes: [
        `catalogue query: ${settings.connections} connections, ${settings.durationSeconds} s each after ${settings.warmUpSeconds} s of warm-up, ` +
          `anonymous, first page of ${options.quick ? PUBLISHED_ITEMS.quick : PUBLISHED_ITEMS.full} published items, ${Buffer.byteLength(capturedBody)} B answer`,
        ...[platform, mercuriusJit, nodeHttp].map(describeMeasurement),
      ],
      capturedBody,
      mercuriusJit,
      nodeHttp,
    };
  });
