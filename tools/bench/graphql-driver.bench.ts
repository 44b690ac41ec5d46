import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CatalogueRun } from './catalogue-query.bench';
import { describeMeasurement, describeSettings, HTTP_SETTINGS, measureInterleaved, requestRate, type ServerMeasurement } from './http/interleaved-load';
import { withServerProcesses } from './http/server-process';
import type { BenchOptions } from './support/options';
import type { BenchResult, ResultRow } from './support/report';
import { withTempDir } from './support/temp-dir';

/**
 * For docs/adr/0002-graphql-driver.md: the candidate drivers on the same hand-written schema, the
 * platform's captured answer and the same load, with node:http as the ceiling. Recorded for
 * information; there is no goal.
 */
export const benchGraphqlDriver = (options: BenchOptions, catalogue: CatalogueRun): Promise<BenchResult> =>
  withTempDir('driver', async (dir) => {
    const settings = options.quick ? HTTP_SETTINGS.quick : HTTP_SETTINGS.full;
    const file = join(dir, 'captured-response.json');
    await writeFile(file, catalogue.capturedBody);
    const servers = [
      { name: 'Fastify + Mercurius, jit: 1', script: 'mercurius-server.ts', args: [file, 'jit'] },
      { name: 'Fastify + Mercurius, no jit', script: 'mercurius-server.ts', args: [file, 'no-jit'] },
      { name: 'Apollo Server 5 standalone', script: 'apollo-server.ts', args: [file] },
      { name: 'node:http, same bytes', script: 'node-http-server.ts', args: [file] },
    ];
    const [jit, noJit, apollo, nodeHttp] = await withServerProcesses(servers, (started) =>
      measureInterleaved(started.map((server, i) => ({ name: servers[i].name, url: server.url })), catalogue.capturedBody, settings),
    );
    const row = (candidate: ServerMeasurement, baseline: ServerMeasurement): ResultRow => ({
      measurement: `driver: ${candidate.name}`,
      figure: requestRate(candidate),
      baselineName: baseline.name,
      baseline: requestRate(baseline),
      ...(candidate.invalid || baseline.invalid ? { invalid: [candidate.invalid, baseline.invalid].filter(Boolean).join('; ') } : {}),
    });
    return {
      rows: [row(jit, nodeHttp), row(noJit, jit), row(apollo, jit), row(apollo, nodeHttp)],
      notes: [`GraphQL drivers: ${describeSettings(settings)}`, ...[jit, noJit, apollo, nodeHttp].map(describeMeasurement)],
    };
  });
