/**
 * `--quick`: a smoke run that proves every benchmark still works, with figures too small to quote.
 * `--only <name>` (repeatable): run just the named benchmarks (`append`, `rebuild`, `catalogue`,
 * `drivers`, `import`, `commands`), e.g. while working on one of them.
 */
export interface BenchOptions {
  readonly quick: boolean;
  readonly only?: ReadonlySet<string>;
}

export const BENCHMARK_NAMES = ['append', 'rebuild', 'catalogue', 'drivers', 'import', 'commands'] as const;

export const parseOptions = (argv: readonly string[]): BenchOptions => {
  const only = argv.flatMap((arg, i) => (arg === '--only' && argv[i + 1] !== undefined ? [argv[i + 1]] : []));
  const unknown = only.filter((name) => !(BENCHMARK_NAMES as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`Unknown benchmark ${unknown.join(', ')}; known: ${BENCHMARK_NAMES.join(', ')}.`);
  return { quick: argv.includes('--quick'), ...(only.length ? { only: new Set(only) } : {}) };
};

/** Whether a run with these options includes the benchmark `name`. */
export const includes = (options: BenchOptions, name: (typeof BENCHMARK_NAMES)[number]): boolean => !options.only || options.only.has(name);
