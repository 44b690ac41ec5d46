/**
 * Event fields that hold a credential rather than a fact: the audit trail shows that they were set,
 * never their value. A webhook's signing secret read from the trail would let its reader forge the
 * bureau's publications to that subscriber. Registrations are recorded with the secret sealed in the
 * personal-data vault; this covers those recorded before, whose stored event keeps the value for
 * the hash chain.
 */
const CREDENTIAL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  WebhookRegistered: ['secret'],
};

export const REDACTED_CREDENTIAL = '[redacted]';

/** The event's data as the audit trail shows it. */
export const auditShownData = (type: string, data: unknown): unknown => {
  const fields = CREDENTIAL_FIELDS[type];
  if (!fields || typeof data !== 'object' || data === null) return data;
  const shown: Record<string, unknown> = { ...data };
  for (const field of fields) if (field in shown) shown[field] = REDACTED_CREDENTIAL;
  return shown;
};
