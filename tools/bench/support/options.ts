/** `--quick`: a smoke run that proves every benchmark still works, with figures too small to quote. */
export interface BenchOptions {
  readonly quick: boolean;
}

export const parseOptions = (argv: readonly string[]): BenchOptions => ({ quick: argv.includes('--quick') });
