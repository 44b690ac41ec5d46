import { requireUtcInstant } from '@gongkai/calendar';
import { type Actor, agencyFilter, badInput, requireText } from '@gongkai/kernel';
import type { Filter, ReadStore } from '@gongkai/read-store';
import { AUDIT_EVENTS, type AuditEventDocument } from './audit-index';

/** The auditor's filter (审计): by stream, aggregate type, actor, department, event type and time. */
export interface AuditFilterInput {
  readonly streamId?: string | null;
  readonly aggregateType?: string | null;
  readonly actorId?: string | null;
  readonly departmentCode?: string | null;
  readonly eventType?: string | null;
  readonly from?: string | null;
  readonly to?: string | null;
  readonly order?: string | null;
}

export type AuditOrder = 'NEWEST_FIRST' | 'OLDEST_FIRST';

const instant = (field: string, value: string | null | undefined): string | undefined =>
  value === null || value === undefined || value === '' ? undefined : requireUtcInstant(field, value);

const text = (field: string, value: string | null | undefined): string | undefined => (value ? requireText(field, value, { max: 300 }) : undefined);

export const auditOrderOf = (value: string | null | undefined): AuditOrder => {
  if (value === undefined || value === null || value === '' || value === 'NEWEST_FIRST') return 'NEWEST_FIRST';
  if (value === 'OLDEST_FIRST') return 'OLDEST_FIRST';
  throw badInput('NOT_ALLOWED_VALUE', 'order must be NEWEST_FIRST or OLDEST_FIRST.', { field: 'order' });
};

/**
 * The read-store filter of an audit query. A county office sees the events its own agency's people
 * caused; the city bureau's office and auditors see everything (scope rules of @gongkai/kernel).
 */
export const auditQueryFilter = (input: AuditFilterInput, actor: Actor): Filter => {
  const from = instant('from', input.from);
  const to = instant('to', input.to);
  if (from && to && from > to) throw badInput('INVALID_TIME_RANGE', 'from must not be after to.', { field: 'from' });
  const agencies = agencyFilter(actor);
  const fields: Record<string, unknown> = {
    streamId: text('streamId', input.streamId),
    aggregateType: text('aggregateType', input.aggregateType),
    actorId: text('actorId', input.actorId),
    departmentCode: text('departmentCode', input.departmentCode),
    type: text('eventType', input.eventType),
    ...(from || to ? { occurredAt: { ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) } } : {}),
    ...(agencies ? { agencyCode: { $in: [...agencies] } } : {}),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
};

const CURSOR_PREFIX = 'position:';
export const encodeAuditCursor = (position: number): string => Buffer.from(`${CURSOR_PREFIX}${position}`).toString('base64url');
export const decodeAuditCursor = (cursor: string | null | undefined): number | undefined => {
  if (!cursor) return undefined;
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith(CURSOR_PREFIX) || !/^\d{1,15}$/.test(decoded.slice(CURSOR_PREFIX.length))) throw badInput('INVALID_CURSOR', 'after is not a cursor this API gave out.', { field: 'after' });
  return Number(decoded.slice(CURSOR_PREFIX.length));
};

const positionAfter = (order: AuditOrder, after: number | undefined): Filter =>
  after === undefined ? {} : { globalPosition: order === 'NEWEST_FIRST' ? { $lt: after } : { $gt: after } };

/**
 * One page, keyed by global position rather than by offset: new events arriving while an auditor
 * pages backwards through the history neither shift nor repeat what they see.
 */
export const auditPage = async (store: ReadStore, filter: Filter, order: AuditOrder, first: number, after: number | undefined) => {
  const events = store.collection<AuditEventDocument>(AUDIT_EVENTS);
  const sort = { globalPosition: order === 'NEWEST_FIRST' ? -1 : 1 } as const;
  const [documents, totalCount] = await Promise.all([events.find({ ...filter, ...positionAfter(order, after) }, { sort, limit: first + 1 }), events.count(filter)]);
  return { documents: documents.slice(0, first), hasNextPage: documents.length > first, hasPreviousPage: after !== undefined, totalCount };
};

/** Every matching event, page by page, for an export that never holds the whole trail in memory. */
export async function* auditEvents(store: ReadStore, filter: Filter, order: AuditOrder, pageSize = 500): AsyncGenerator<AuditEventDocument> {
  let after: number | undefined;
  for (;;) {
    const { documents, hasNextPage } = await auditPage(store, filter, order, pageSize, after);
    yield* documents;
    if (!hasNextPage || documents.length === 0) return;
    after = documents[documents.length - 1].globalPosition;
  }
}
