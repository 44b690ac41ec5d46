/** The one line the bench waits for on a server's stdout before it sends any load. */
export const announceListening = (url: string): void => {
  process.stdout.write(`${JSON.stringify({ listening: url })}\n`);
};

/** A server that cannot start says why and exits, so the bench fails fast instead of timing out. */
export const failStart = (error: unknown): never => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
};
