import { createHash } from 'node:crypto';

/** A subject token may not contain the separator, the wildcards or whitespace. */
const SUBJECT_TOKEN = /^[^\s.*>]+$/;

export const isSubjectToken = (value: string): boolean => SUBJECT_TOKEN.test(value);

export const commandSubject = (context: string, type: string): string => `commands.${context}.${type}`;

/** Everything a context serves: one wildcard subscription per context. */
export const commandWildcard = (context: string): string => `commands.${context}.>`;

/** JetStream names (durables, and our `parked.<name>` subject token) allow letters, digits, `-` and `_`. */
const SAFE_NAME = /^[A-Za-z0-9_-]+$/;

/**
 * A durable name JetStream accepts. Names that are already safe stay as they are, so that they
 * are recognisable in `nats consumer ls`; others get their unsafe characters replaced plus a short
 * hash of the original, so that `a.b` and `a_b` never share a consumer (and its position).
 */
export const jetStreamName = (name: string): string => {
  if (SAFE_NAME.test(name)) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${name.replace(/[^A-Za-z0-9_-]/g, '_')}-${hash}`;
};
