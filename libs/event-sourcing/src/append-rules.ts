import type { ExpectedRevision } from './event-store';
import type { StreamHead } from './sealing';

/**
 * What an append must do, decided from the stream's head before writing. The rules are
 * EventStoreDB's, so that both stores answer a retry the same way:
 * - `write`: the expectation holds; write after `head`.
 * - `retry`: the caller may be repeating an earlier append; it succeeds without writing only if the
 *   stored events from `fromRevision` on carry the same ids, in order, as the events sent.
 * - `reject`: the stream is not where the caller expected.
 * - `check-only`: nothing to append and the expectation holds.
 */
export type AppendPlan =
  | { readonly kind: 'write' }
  | { readonly kind: 'retry'; readonly fromRevision: number }
  | { readonly kind: 'reject' }
  | { readonly kind: 'check-only' };

export const planAppend = (
  expected: ExpectedRevision,
  head: StreamHead | undefined,
  eventCount: number,
  /** Where the first event's id is already stored in this stream, if it is. */
  storedRevisionOfFirstEvent: () => number | undefined,
): AppendPlan => {
  if (eventCount === 0) return expectationHolds(expected, head) ? { kind: 'check-only' } : { kind: 'reject' };
  switch (expected) {
    case 'stream_exists':
      if (!head) return { kind: 'reject' };
      return looseRetryOrWrite(storedRevisionOfFirstEvent());
    case 'any':
      return head ? looseRetryOrWrite(storedRevisionOfFirstEvent()) : { kind: 'write' };
    case 'no_stream':
      return head ? { kind: 'retry', fromRevision: 0 } : { kind: 'write' };
    default:
      if (!head || expected > head.revision) return { kind: 'reject' };
      return expected === head.revision ? { kind: 'write' } : { kind: 'retry', fromRevision: expected + 1 };
  }
};

/** Without an exact expectation, a retry is recognised by the first event's id, as EventStoreDB does. */
const looseRetryOrWrite = (revision: number | undefined): AppendPlan =>
  revision === undefined ? { kind: 'write' } : { kind: 'retry', fromRevision: revision };

const expectationHolds = (expected: ExpectedRevision, head: StreamHead | undefined): boolean => {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return !head;
    case 'stream_exists':
      return !!head;
    default:
      return head?.revision === expected;
  }
};

/** A retry matches when every event sent is stored, in order, from the revision found. */
export const isSameAppend = (sentIds: readonly string[], storedIds: readonly string[]): boolean =>
  sentIds.length === storedIds.length && sentIds.every((id, index) => storedIds[index] === id);
