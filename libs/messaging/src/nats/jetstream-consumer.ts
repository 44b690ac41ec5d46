import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { ConsumerMessages, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { contextOfStream, type EventConsumer } from '../event-bus';
import { handleInScope } from '../handle-in-scope';
import { parseEvent } from './event-wire';

export interface ConsumerLoopOptions {
  readonly js: JetStreamClient;
  readonly stream: string;
  /** The JetStream durable name (sanitised). */
  readonly durable: string;
  /** Deliveries of one event before it is parked. */
  readonly maxDeliveries: number;
  /** Pause before redelivery after the n-th failure (the last entry repeats). */
  readonly retryDelaysMs: readonly number[];
  /** The server redelivers after this long without an ack: we signal progress at a third of it. */
  readonly ackWaitMs: number;
  /** True when the server could not filter by context (old servers, several contexts): filter here. */
  readonly filterLocally: boolean;
  readonly park: (event: RecordedEvent, subject: string, error: unknown) => Promise<void>;
  /** Once the connection is closed for good there is nothing to resubscribe to. */
  readonly connectionClosed: () => boolean;
  readonly report: (message: string, facts: Record<string, unknown>) => void;
  /**
   * Set for an exclusive consumer (one process alone on its durable): events come in batches and
   * are acknowledged together, failures are retried here, and `reposition` is called before every
   * (re)subscription to restart the durable just after what was acknowledged, so that events
   * pulled but not handled come again in stream order.
   */
  readonly batched?: { readonly reposition: () => Promise<void> };
}

/** Pause after the subscription itself failed (the consumer was deleted, the server went away). */
const RESUBSCRIBE_DELAY_MS = 1_000;

const PULL_EXPIRY_MS = 5_000;

/** Events an exclusive consumer pulls at once. */
export const BATCH_SIZE = 256;

/** An exclusive consumer acknowledges at least this often, and whenever it has caught up. */
const ACK_EVERY = 64;

/**
 * One durable pull consumer: takes its events one at a time, acks after the handler succeeded,
 * naks with a growing delay after a failure and parks the event once it failed `maxDeliveries`
 * times, so that one bad event cannot stop the consumer for good. An exclusive consumer (option
 * `batched`) takes them in batches instead, retries a failure here before moving on, and acks
 * once per batch: per event, that saves the server a pull, an ack and its confirmation.
 */
export class ConsumerLoop {
  private stopping = false;
  private messages: ConsumerMessages | undefined;
  private running: Promise<void> | undefined;
  /** The highest global position handled, saved to the consumer's own checkpoint (for lag metrics and restarts). */
  private position = 0;
  private wakeUp: (() => void) | undefined;
  /** Batched: the stream sequence of the last event handled (or parked, or skipped) by this loop. */
  private lastSequence = 0;
  /**
   * Batched, of the current subscription: the last message handled, and how many were handled
   * since the last ack (the last one is unacknowledged while that is above 0). An ack names the
   * subscription's own delivery, so one of an earlier subscription is never sent on a later one.
   */
  private lastHandled: JsMsg | undefined;
  private sinceAck = 0;

  constructor(
    private readonly consumer: EventConsumer,
    private readonly options: ConsumerLoopOptions,
  ) {}

  async start(): Promise<void> {
    if (this.consumer.checkpoint) this.position = (await this.consumer.checkpoint.load()) ?? 0;
    // Opening the first pull here, not in the background, so that subscribe() fails when it cannot.
    const first = await this.open();
    this.running = this.supervise(first);
  }

  /** Lets the event in flight finish (and be acked), hands back what was already pulled, then stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeUp?.();
    await this.messages?.close().catch(() => undefined);
    await this.running;
    await this.acknowledgeBatch(true);
  }

  /** Hands a parked event to the consumer again: one attempt, no checkpoint (the position is past it). */
  async replay(event: RecordedEvent): Promise<void> {
    await handleInScope(this.consumer, event, 'nats');
  }

  private async open(): Promise<ConsumerMessages> {
    if (this.options.batched) {
      this.lastHandled = undefined;
      this.sinceAck = 0;
      await this.options.batched.reposition();
    }
    const consumer = await this.options.js.consumers.get(this.options.stream, this.options.durable);
    // One message per pull unless batched: with max_ack_pending 1 the server would not send a
    // second one anyway. Pulls expire after 5 s (not the default 30 s): after a server restart a
    // pull that went unanswered is renewed that much sooner, so consumers resume within seconds.
    this.messages = await consumer.consume({ max_messages: this.options.batched ? BATCH_SIZE : 1, expires: PULL_EXPIRY_MS });
    return this.messages;
  }

  private async supervise(first: ConsumerMessages): Promise<void> {
    let messages: ConsumerMessages | undefined = first;
    while (!this.stopping && !this.options.connectionClosed()) {
      try {
        messages ??= await this.open();
        for await (const msg of messages) {
          if (this.options.batched) {
            // Pulled but not started when stopping: the next subscription starts after the last ack.
            if (!this.stopping) await this.processInBatch(msg, messages);
            continue;
          }
          if (this.stopping) {
            msg.nak(); // pulled but not started: redeliver at once to whoever subscribes next
            continue;
          }
          await this.process(msg);
        }
      } catch (error) {
        if (this.stopping || this.options.connectionClosed()) break;
        this.options.report('event consumer lost its subscription; resubscribing', { consumer: this.consumer.durableName, error: String(error) });
        await this.pause(RESUBSCRIBE_DELAY_MS);
      }
      messages = undefined;
    }
  }

  private async process(msg: JsMsg): Promise<void> {
    const event = parseEvent(msg.data);
    if (!event) {
      // Only the relay publishes here, so this is a bug elsewhere; retrying cannot fix the bytes.
      this.options.report('unreadable message on the events stream terminated', { consumer: this.consumer.durableName, subject: msg.subject, sequence: msg.seq });
      msg.term('unreadable event envelope');
      return;
    }
    if (!this.wants(event)) {
      // Another context's event, filtered here where the server cannot filter on several subjects.
      await this.acknowledge(msg);
      return;
    }
    // No skipping by global position: relays of several services publish concurrently, so the
    // events of different contexts arrive interleaved. A redelivered event is the consumer's to
    // recognise, by stream revision (as the projection runner does).
    try {
      await this.withProgress(msg, () => handleInScope(this.consumer, event, 'nats'));
    } catch (error) {
      await this.failed(msg, event, error);
      return;
    }
    if (await this.advance(event, msg)) await this.acknowledge(msg);
  }

  /**
   * Batched: handles the event (retrying here, then parking), then acknowledges every event up to
   * it once the batch is drained or ACK_EVERY events went unacknowledged. A redelivery of an event
   * this loop already handled (its ack was lost, or a slow handler outlasted ack_wait for the rest
   * of the batch) is recognised by its stream sequence and skipped.
   */
  private async processInBatch(msg: JsMsg, messages: ConsumerMessages): Promise<void> {
    if (msg.seq > this.lastSequence) {
      const event = parseEvent(msg.data);
      if (!event) {
        this.options.report('unreadable message on the events stream skipped', { consumer: this.consumer.durableName, subject: msg.subject, sequence: msg.seq });
      } else if (this.wants(event)) {
        await this.handleWithRetries(msg, event);
        await this.advanceCheckpoint(event);
      }
      this.lastSequence = msg.seq;
    }
    // A copy older than what this subscription acknowledges already moves nothing forward.
    if (this.lastHandled && msg.seq < this.lastHandled.seq) return;
    this.lastHandled = msg;
    this.sinceAck++;
    if (this.sinceAck >= ACK_EVERY || messages.getPending() === 0) await this.acknowledgeBatch(false);
  }

  /** Batched: retries a failing event `maxDeliveries` times in all, then parks it; throws only when stopping. */
  private async handleWithRetries(msg: JsMsg, event: RecordedEvent): Promise<void> {
    const { maxDeliveries, retryDelaysMs } = this.options;
    for (let attempt = msg.info.deliveryCount; ; attempt++) {
      let failure: unknown;
      try {
        await this.withProgress(msg, () => handleInScope(this.consumer, event, 'nats'));
        return;
      } catch (error) {
        failure = error;
      }
      // Not handled and not parked: left unacknowledged, it comes again to the next subscription.
      if (this.stopping) throw failure;
      if (attempt < maxDeliveries) {
        await this.pause(retryDelaysMs[Math.min(attempt, retryDelaysMs.length) - 1] ?? 0);
        continue;
      }
      try {
        await this.options.park(event, msg.subject, failure);
        this.options.report('event parked after repeated failures', { consumer: this.consumer.durableName, eventId: event.id, type: event.type, correlationId: event.metadata.correlationId, error: String(failure) });
        return;
      } catch (parkError) {
        this.options.report('event could not be parked; retrying', { consumer: this.consumer.durableName, eventId: event.id, error: String(parkError) });
        await this.pause(retryDelaysMs.at(-1) ?? 0);
      }
    }
  }

  /** Batched: a checkpoint that could not be saved is covered by the next save, positions only grow. */
  private async advanceCheckpoint(event: RecordedEvent): Promise<void> {
    if (!this.consumer.checkpoint || event.globalPosition <= this.position) return;
    try {
      await this.consumer.checkpoint.save(event.globalPosition);
      this.position = event.globalPosition;
    } catch (error) {
      this.options.report('consumer checkpoint could not be saved; the next event saves it', { consumer: this.consumer.durableName, eventId: event.id, error: String(error) });
    }
  }

  /**
   * Acknowledges every event up to the last one handled (AckPolicy.All). Unconfirmed while
   * running: a lost ack only brings events again, which the loop skips by sequence and the
   * handlers by stream revision. Confirmed when stopping — again, if it went out unconfirmed —
   * so that the next subscriber's start, read from the ack floor, is after them.
   */
  private async acknowledgeBatch(confirmed: boolean): Promise<void> {
    const msg = confirmed || this.sinceAck > 0 ? this.lastHandled : undefined;
    this.sinceAck = 0;
    if (!msg) return;
    if (confirmed) {
      if (!this.options.connectionClosed()) await this.acknowledge(msg);
      return;
    }
    try {
      msg.ack();
    } catch (error) {
      // the connection is closing: the events come again after the next reposition, and are skipped by revision
      this.options.report('ack not sent; the events may be delivered again', { consumer: this.consumer.durableName, sequence: msg.seq, error: String(error) });
    }
  }

  private async failed(msg: JsMsg, event: RecordedEvent, error: unknown): Promise<void> {
    const deliveries = msg.info.deliveryCount;
    if (deliveries < this.options.maxDeliveries) {
      const delays = this.options.retryDelaysMs;
      msg.nak(delays[Math.min(deliveries, delays.length) - 1] ?? 0);
      return;
    }
    try {
      await this.options.park(event, msg.subject, error);
    } catch (parkError) {
      // Not parked, so not let go: the next delivery tries the handler and then parking again.
      this.options.report('event could not be parked; retrying', { consumer: this.consumer.durableName, eventId: event.id, error: String(parkError) });
      msg.nak(this.options.retryDelaysMs.at(-1) ?? 0);
      return;
    }
    this.options.report('event parked after repeated failures', { consumer: this.consumer.durableName, eventId: event.id, type: event.type, correlationId: event.metadata.correlationId, error: String(error) });
    // term: JetStream must not redeliver it; the copy in PARKED is the one an operator replays.
    if (await this.advance(event, msg)) msg.term();
  }

  /**
   * Moves the consumer's own checkpoint past the event (when it keeps one). False when saving
   * failed: the event is then delivered again, and the handler (idempotent) runs once more.
   */
  private async advance(event: RecordedEvent, msg: JsMsg): Promise<boolean> {
    if (!this.consumer.checkpoint || event.globalPosition <= this.position) return true;
    try {
      await this.consumer.checkpoint.save(event.globalPosition);
    } catch (error) {
      this.options.report('consumer checkpoint could not be saved; redelivering', { consumer: this.consumer.durableName, eventId: event.id, error: String(error) });
      msg.nak(this.options.retryDelaysMs[0] ?? 0);
      return false;
    }
    this.position = event.globalPosition;
    return true;
  }

  /**
   * Waits for the server to confirm the ack: with one message in flight the next one comes only
   * then, and an ack lost in a reconnect would otherwise redeliver an event that was applied.
   */
  private async acknowledge(msg: JsMsg): Promise<void> {
    try {
      await msg.ackAck();
    } catch (error) {
      this.options.report('ack not confirmed; the event may be delivered again', { consumer: this.consumer.durableName, sequence: msg.seq, error: String(error) });
    }
  }

  /** A slow handler tells the server it is still working, so that the event is not redelivered meanwhile. */
  private async withProgress(msg: JsMsg, work: () => Promise<void>): Promise<void> {
    const timer = setInterval(() => msg.working(), Math.max(100, Math.floor(this.options.ackWaitMs / 3)));
    try {
      await work();
    } finally {
      clearInterval(timer);
    }
  }

  private wants(event: RecordedEvent): boolean {
    if (!this.options.filterLocally || !this.consumer.contexts) return true;
    return this.consumer.contexts.includes(contextOfStream(event.streamId));
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
