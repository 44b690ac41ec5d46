import { CONTEXTS, streamIdOf } from '@gongkai/contracts';
import { badInput } from '@gongkai/kernel';

/** Stream ids of the oversight context's aggregates: `oversight.<Aggregate>-<id>`. */
export const oversightStreamId = (aggregate: string, id: string): string => streamIdOf(CONTEXTS.oversight, aggregate, id);

const PART = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The stream of an aggregate named by several fields (agency, department, year, half): each must be
 * a plain token before it becomes part of a stream id; the decider validates its meaning.
 */
export const byFields =
  (aggregate: string, ...fields: string[]) =>
  (data: Readonly<Record<string, unknown>>): string => {
    const parts = fields.map((field) => {
      const value = data[field];
      const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
      if (typeof text !== 'string' || !PART.test(text)) throw badInput('INVALID_ID', `${field} is missing or not a code.`, { field });
      return text;
    });
    return oversightStreamId(aggregate, parts.join('-'));
  };

/** One integrity log for the whole event log. */
export const INTEGRITY_LOG_STREAM = oversightStreamId('IntegrityLog', 'event-log');
