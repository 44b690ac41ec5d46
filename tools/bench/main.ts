/**
 * `npm run bench [-- --quick]`: every figure beside a baseline measured in the same run, and the
 * ratio the goals of ../shared/PERFORMANCE.md are set on. A missed goal is reported, not
 * raised: the exit code is 0 unless a benchmark could not run at all.
 */
import { cpus, totalmem } from 'node:os';
import { benchCatalogueQuery, type CatalogueRun } from './catalogue-query.bench';
import { benchCommandRoundTrip } from './command-round-trip.bench';
import { benchDisclosureImport } from './disclosure-import.bench';
import { benchEventAppend } from './event-append.bench';
import { benchGraphqlDriver } from './graphql-driver.bench';
import { benchReadModelRebuild } from './read-model-rebuild.bench';
import { includes, parseOptions } from './support/options';
import { type BenchResult, renderTable, type ResultRow } from './support/report';

const options = parseOptions(process.argv.slice(2));

const progress = (message: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
};

const machine = (): string => {
  const cores = cpus();
  return `${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${process.platform}/${process.arch}`;
};

const main = async (): Promise<number> => {
  const started = Date.now();
  const rows: ResultRow[] = [];
  const notes: string[] = [];
  const failures: string[] = [];
  const run = async <T extends BenchResult>(name: string, bench: () => Promise<T>): Promise<T | undefined> => {
    progress(`${name}…`);
    try {
      const result = await bench();
      rows.push(...result.rows);
      notes.push(...result.notes);
      return result;
    } catch (error) {
      failures.push(`${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return undefined;
    }
  };

  if (includes(options, 'append')) await run('event append', () => benchEventAppend(options));
  if (includes(options, 'rebuild')) await run('read-model rebuild', () => benchReadModelRebuild(options));
  // The drivers are compared on the answer the platform gave, so they need the catalogue's run.
  const catalogue: CatalogueRun | undefined =
    includes(options, 'catalogue') || includes(options, 'drivers') ? await run('catalogue query through the platform', () => benchCatalogueQuery(options)) : undefined;
  if (catalogue && includes(options, 'drivers')) await run('GraphQL drivers', () => benchGraphqlDriver(options, catalogue));
  if (includes(options, 'import')) await run('disclosure import', () => benchDisclosureImport(options));
  if (includes(options, 'commands')) await run('command round trip over NATS', () => benchCommandRoundTrip(options));

  const seconds = Math.round((Date.now() - started) / 1000);
  process.stdout.write(
    [
      '',
      `Gongkai benchmarks${options.quick ? ' (--quick: a smoke run, figures not to be quoted)' : ''}, ${new Date().toISOString()}`,
      machine(),
      '',
      renderTable(rows),
      '',
      ...notes.map((note) => `- ${note}`),
      '',
      `${rows.filter((row) => row.goal !== undefined).length} goals, ${seconds} s.`,
      ...failures.map((failure) => `COULD NOT RUN ${failure}`),
      '',
    ].join('\n'),
  );
  return failures.length ? 1 : 0;
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
