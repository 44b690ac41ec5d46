import { envelopeText, type RecordedEvent } from '@gongkai/event-sourcing';
import { contextOfStream, eventSubject } from '../event-bus';
import { isSubjectToken } from './subjects';
import { decodeStrictUtf8 } from './strict-utf8';

/** The subject of a recorded event; throws for a stream id or type that cannot form one. */
export const subjectOfEvent = (event: RecordedEvent): string => {
  const context = event.streamId.includes('.') ? contextOfStream(event.streamId) : '';
  if (!isSubjectToken(context) || !isSubjectToken(event.type)) {
    throw new Error(`Event ${event.id} cannot be published: stream ${event.streamId} needs a "<context>." prefix and type ${event.type} must be one subject token.`);
  }
  return eventSubject(context, event.type);
};

/** The envelope as JSON: the store's own text when the event came from a subscription (envelopeText). */
export const encodeEvent = (event: RecordedEvent): string => envelopeText(event);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The envelope as the relay published it, or undefined when the bytes are not one. Only the fields
 * the bus itself relies on are checked; the event's own shape is the consumer's business (upcasters).
 */
export const parseEvent = (data: Uint8Array): RecordedEvent | undefined => {
  let value: unknown;
  try {
    value = JSON.parse(decodeStrictUtf8(data));
  } catch {
    return undefined;
  }
  if (!isRecord(value)) return undefined;
  const { id, type, streamId, globalPosition } = value;
  if (typeof id !== 'string' || typeof type !== 'string' || typeof streamId !== 'string' || typeof globalPosition !== 'number') return undefined;
  return value as unknown as RecordedEvent;
};
