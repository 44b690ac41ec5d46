import { parseArgs } from 'node:util';

/** What the import command line asks for. */
export interface ImportCliArguments {
  readonly url: string;
  readonly file: string;
  readonly query: Readonly<Record<string, string>>;
  /** A token, or the account to sign in with: from the environment, never the command line (it would show in `ps`). */
  readonly credentials: { readonly token: string } | { readonly username: string; readonly password: string };
}

export const IMPORT_CLI_USAGE = `Usage: import-disclosures --url <platform base URL> --category <DisclosureCategory> [--agency <code>] [--department <code>] [--encoding utf-8|gb18030] <file.csv>
Credentials: GONGKAI_TOKEN, or GONGKAI_USER and GONGKAI_PASSWORD.`;

export const parseImportCliArguments = (argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ImportCliArguments => {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      category: { type: 'string' },
      agency: { type: 'string' },
      department: { type: 'string' },
      encoding: { type: 'string' },
      'file-name': { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!values.url || !values.category || !file || positionals.length > 1) throw new Error(IMPORT_CLI_USAGE);
  const token = env['GONGKAI_TOKEN'];
  const username = env['GONGKAI_USER'];
  const password = env['GONGKAI_PASSWORD'];
  if (!token && !(username && password)) throw new Error(`No credentials.\n${IMPORT_CLI_USAGE}`);
  const query: Record<string, string> = {
    category: values.category,
    fileName: values['file-name'] ?? file.split(/[\\/]/).at(-1) ?? file,
    ...(values.agency ? { agencyCode: values.agency } : {}),
    ...(values.department ? { departmentCode: values.department } : {}),
    ...(values.encoding ? { encoding: values.encoding } : {}),
  };
  return { url: values.url.replace(/\/+$/, ''), file, query, credentials: token ? { token } : { username: username ?? '', password: password ?? '' } };
};
