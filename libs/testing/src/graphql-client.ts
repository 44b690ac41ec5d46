import request from 'supertest';

export interface GraphqlResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly data: T | null;
  readonly errors?: { message: string; extensions?: { code?: string; rule?: string; field?: string } }[];
}

/** Sends one GraphQL operation over HTTP the way a portal does. */
export const graphql = async <T = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphqlResponse<T>> => {
  const response = await request(baseUrl).post('/graphql').set('content-type', 'application/json').set(headers).send({ query, variables });
  const body = response.body as { data?: T | null; errors?: GraphqlResponse['errors'] };
  return { status: response.status, data: body.data ?? null, ...(body.errors ? { errors: body.errors } : {}) };
};

/** Signs in and returns the Authorization header for that account. */
export const loginAs = async (baseUrl: string, username: string, password = 'gongkai-demo'): Promise<Record<string, string>> => {
  const result = await graphql<{ login: { token: string } }>(baseUrl, 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
    u: username,
    p: password,
  });
  if (!result.data) throw new Error(`login as ${username} failed: ${JSON.stringify(result.errors)}`);
  return { authorization: `Bearer ${result.data.login.token}` };
};

/** Polls until `check` returns a value (for effects of process managers, which follow the command). */
export const eventually = async <T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 10_000, intervalMs = 50): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
};
