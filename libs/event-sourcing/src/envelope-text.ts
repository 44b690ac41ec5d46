import type { RecordedEvent } from './envelope';

/**
 * The envelope of a recorded event as JSON text, for a store that read it from text it already
 * holds: the relay then publishes that text instead of serialising the event again (a ~1.4 KB
 * JSON.stringify per event showed in the services' profiles). Remembered by identity, for the
 * events a store handed to a subscription; anything else is serialised as before.
 */
const texts = new WeakMap<RecordedEvent, () => string>();

/** Called by a store for an event whose envelope text it can produce; `text` runs at most once. */
export const rememberEnvelopeText = (event: RecordedEvent, text: () => string): void => {
  texts.set(event, text);
};

/** The envelope's JSON text: what JSON.stringify(event) gives, up to the order of members. */
export const envelopeText = (event: RecordedEvent): string => {
  const text = texts.get(event);
  return text ? text() : JSON.stringify(event);
};
