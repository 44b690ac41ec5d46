import { readFileSync } from 'node:fs';
import { type ProofDocument, verifyExportedLog, verifyProofDocument } from './proof-verification';

/**
 * The standalone verifier: checks an exported log or a proof offline, trusting nothing but the
 * file and the keys named on the command line.
 *
 *   node -r ./tools/register.js libs/oversight/read/src/integrity/verifier/main.ts log audit-trail.ndjson [--trust <keyId>]…
 *   node -r ./tools/register.js libs/oversight/read/src/integrity/verifier/main.ts proof proof.json [--trust <keyId>]…
 *
 * Prints a JSON report; exits 0 when everything verifies, 1 when something does not, 2 on misuse.
 */
export const runVerifier = (args: readonly string[], read: (path: string) => string = (path) => readFileSync(path, 'utf8')): { code: number; output: string } => {
  const [command, path, ...rest] = args;
  const trusted = rest.flatMap((arg, i) => (rest[i - 1] === '--trust' ? [arg] : []));
  const keys = trusted.length ? trusted : undefined;
  if ((command !== 'log' && command !== 'proof') || !path) {
    return { code: 2, output: 'usage: main.ts log <export.ndjson> | proof <proof.json> [--trust <keyId>]…' };
  }
  try {
    const report = command === 'log' ? verifyExportedLog(read(path), keys) : verifyProofDocument(JSON.parse(read(path)) as ProofDocument, keys);
    return { code: report.valid ? 0 : 1, output: JSON.stringify(report, null, 2) };
  } catch (error) {
    return { code: 2, output: `cannot verify ${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
};

if (require.main === module) {
  const { code, output } = runVerifier(process.argv.slice(2));
  (code === 2 ? process.stderr : process.stdout).write(`${output}\n`);
  process.exitCode = code;
}
