import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { headers as natsHeaders, type MsgHdrs } from '@nats-io/transport-node';
import type { ParkedEvent } from '../event-bus';
import { parseEvent } from './event-wire';
import { jetStreamName } from './subjects';

export const PARKED_HEADERS = {
  consumer: 'Gongkai-Consumer',
  eventId: 'Gongkai-Event-Id',
  error: 'Gongkai-Error',
  originalSubject: 'Gongkai-Original-Subject',
  parkedAt: 'Gongkai-Parked-At',
} as const;

/** Long stack traces have no place in a header; the message is what an operator needs. */
const MAX_ERROR_LENGTH = 2_000;

export const parkedSubject = (consumer: string): string => `parked.${jetStreamName(consumer)}`;

/** A parked event together with where it sits in the PARKED stream, so that it can be removed. */
export interface ParkedEntry {
  readonly sequence: number;
  readonly parked: ParkedEvent;
}

const readHeader = (headers: MsgHdrs | undefined, name: string): string => {
  const raw = headers?.has(name) ? headers.get(name) : '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
};

/**
 * The PARKED stream: events a consumer failed on repeatedly, one subject per consumer. It is an
 * ordinary stream, so parked events survive restarts and operators can see them with the nats CLI.
 */
export class ParkedStream {
  constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly streamName: string,
  ) {}

  /** Awaits the PubAck: the original may only be let go once its copy is stored. */
  async park(consumer: string, event: RecordedEvent, originalSubject: string, error: unknown): Promise<void> {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);
    const headers = natsHeaders();
    // Percent-encoded like command metadata: error messages may be Chinese or span lines.
    headers.set(PARKED_HEADERS.consumer, encodeURIComponent(consumer));
    headers.set(PARKED_HEADERS.eventId, encodeURIComponent(event.id));
    headers.set(PARKED_HEADERS.error, encodeURIComponent(message));
    headers.set(PARKED_HEADERS.originalSubject, encodeURIComponent(originalSubject));
    headers.set(PARKED_HEADERS.parkedAt, new Date().toISOString());
    await this.js.publish(parkedSubject(consumer), JSON.stringify(event), { headers });
  }

  /**
   * Every parked copy, oldest first. Reads message by message: the stream holds the few events that
   * need an operator, not traffic. A crash between parking and letting go of the original can park
   * an event twice, so one consumer and event id may appear more than once here.
   */
  async list(): Promise<ParkedEntry[]> {
    const { state } = await this.jsm.streams.info(this.streamName);
    const entries: ParkedEntry[] = [];
    if (state.messages === 0) return entries;
    for (let sequence = state.first_seq; sequence <= state.last_seq; sequence++) {
      const stored = await this.jsm.streams.getMessage(this.streamName, { seq: sequence });
      if (!stored) continue; // removed after a successful replay
      const event = parseEvent(stored.data);
      if (!event) continue;
      const consumer = readHeader(stored.header, PARKED_HEADERS.consumer);
      const parked: ParkedEvent = {
        consumer,
        event,
        error: readHeader(stored.header, PARKED_HEADERS.error),
        parkedAt: readHeader(stored.header, PARKED_HEADERS.parkedAt),
      };
      entries.push({ sequence, parked });
    }
    return entries;
  }

  async remove(sequence: number): Promise<void> {
    await this.jsm.streams.deleteMessage(this.streamName, sequence);
  }
}
