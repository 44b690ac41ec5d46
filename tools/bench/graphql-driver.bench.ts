import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CatalogueRun, measureBaseline } from './catalogue-query.bench';
import { describeMeasurement, requestRate, type ServerMeasurement } from './http/measure-server';
import type { BenchOptions } from './support/options';
import type { BenchResult, ResultRow } from './support/report';
import { withTempDir } from './support/temp-dir';

/**
 * For docs/adr/0002-graphql-driver.md: the candidate drivers on the same schema, the same data and
 * the same load, against Mercurius with jit (the platform's choice) as measured a moment before.
 * Recorded for information; there is no goal.
 */
export const benchGraphqlDriver = (options: BenchOptions, catalogue: CatalogueRun): Promise<BenchResult> =>
  withTempDir('driver', async (dir) => {
    const file = join(dir, 'captured-response.json');
    await writeFile(file, catalogue.capturedBody);
    const noJit = await measureBaseline('Fastify + Mercurius, no jit', 'mercurius-server.ts', [file, 'no-jit'], catalogue.capturedBody, options);
    const apollo = await measureBaseline('Apollo Server 5 standalone', 'apollo-server.ts', [file], catalogue.capturedBody, options);
    const row = (candidate: ServerMeasurement, baseline: ServerMeasurement): ResultRow => ({
      measurement: `driver: ${candidate.name}`,
      figure: requestRate(candidate),
      baselineName: baseline.name,
      baseline: requestRate(baseline),
      ...(candidate.invalid || baseline.invalid ? { invalid: [candidate.invalid, baseline.invalid].filter(Boolean).join('; ') } : {}),
    });
    return {
      rows: [row(catalogue.mercuriusJit, catalogue.nodeHttp), row(noJit, catalogue.mercuriusJit), row(apollo, catalogue.mercuriusJit)],
      notes: [noJit, apollo].map(describeMeasurement),
    };
  });
