/**
 * The bulk import from the command line: streams a CSV file to the platform's import endpoint
 * (POST /supervision/disclosure-imports) and prints the outcome as JSON.
 *
 *   GONGKAI_USER=supervision GONGKAI_PASSWORD=… node -r ./tools/register.js \
 *     libs/supervision/read/src/import/import-disclosures.cli.ts --url http://127.0.0.1:3000 --category SUPERVISORY_MONITORING 2026-01.csv
 *
 * Exit code 0: imported; 2: refused with a report of the bad rows (nothing imported); 1: anything else.
 */
import { createReadStream } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pipeline } from 'node:stream/promises';
import { type ImportCliArguments, parseImportCliArguments } from './import-cli-arguments';

const tokenFor = async (args: ImportCliArguments): Promise<string> => {
  if ('token' in args.credentials) return args.credentials.token;
  const response = await fetch(`${args.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: args.credentials.username, p: args.credentials.password } }),
  });
  const body = (await response.json()) as { data?: { login?: { token?: string } } | null; errors?: { message: string }[] };
  const token = body.data?.login?.token;
  if (!token) throw new Error(`Sign-in failed: ${body.errors?.[0]?.message ?? response.status}`);
  return token;
};

/** Sends the file as the request body, read from disk as it goes out. */
const upload = (args: ImportCliArguments, token: string): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    const target = new URL(`${args.url}/supervision/disclosure-imports?${new URLSearchParams(args.query).toString()}`);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(target, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    pipeline(createReadStream(args.file), request).catch(reject);
  });

const main = async (): Promise<number> => {
  const args = parseImportCliArguments(process.argv.slice(2), process.env);
  const { status, body } = await upload(args, await tokenFor(args));
  process.stdout.write(`${body}\n`);
  if (status === 201) return 0;
  return status === 422 ? 2 : 1;
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
