import { createInbox, type Msg, type MsgHdrs, type NatsConnection, type Payload, type Subscription } from '@nats-io/transport-node';

/**
 * How a request ended. Failures are plain values, not `Error`s: a request that is answered builds
 * none, and the caller turns a failure into whatever its own callers understand.
 */
export type RequestOutcome =
  | { readonly kind: 'answered'; readonly msg: Msg }
  | { readonly kind: 'timed-out' }
  /** The server found no subscriber for the subject (it answers a 503 status to the reply inbox). */
  | { readonly kind: 'no-responders' }
  /** Not sent, or cut off: the connection closed, the client refused the publish, the inbox failed. */
  | { readonly kind: 'failed'; readonly reason: string };

export interface InboxRequest {
  readonly timeoutMs: number;
  readonly headers?: MsgHdrs;
}

const TIMED_OUT: RequestOutcome = Object.freeze({ kind: 'timed-out' });
const NO_RESPONDERS: RequestOutcome = Object.freeze({ kind: 'no-responders' });

interface Pending {
  readonly token: string;
  readonly deadline: number;
  readonly queue: DeadlineQueue;
  /** Cleared once the request is settled; the entry may stay in its deadline queue a while. */
  resolve: ((outcome: RequestOutcome) => void) | undefined;
}

/**
 * Requests of one timeout, in the order they were made — which is also the order of their
 * deadlines, so the sweep only ever looks at the front. Settled requests are dropped once they
 * reach the front: an answer trims it, so the queue holds about as many as are in flight.
 */
class DeadlineQueue {
  private items: Pending[] = [];
  private head = 0;

  constructor(readonly timeoutMs: number) {}

  push(pending: Pending): void {
    this.items.push(pending);
  }

  /** The first request still waiting, after dropping the settled ones in front of it. */
  first(): Pending | undefined {
    while (this.head < this.items.length) {
      const pending = this.items[this.head];
      if (pending?.resolve) return pending;
      this.drop();
    }
    return undefined;
  }

  /** Drops the front request (the sweep settles it). */
  drop(): void {
    this.head++;
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head >= 1_024 && this.head * 2 >= this.items.length) {
      // With requests always in flight the queue never empties: without this it would keep them all.
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}

const inboxPrefixOf = (connection: NatsConnection): string | undefined => {
  // The client keeps its options on the connection object; the public type does not show them.
  const options: unknown = 'options' in connection ? connection.options : undefined;
  if (typeof options !== 'object' || options === null || !('inboxPrefix' in options)) return undefined;
  return typeof options.inboxPrefix === 'string' ? options.inboxPrefix : undefined;
};

/**
 * Request-reply over one inbox subscription per connection (`<inboxPrefix>.<nuid>.*`), each request
 * answered on `<that>.<token>`. nats.js' own `request()` does the same multiplexing, but gives
 * every request a timer of its own and builds an `Error` to settle even an answered one: 13–20 %
 * of a busy client's CPU samples, with a command or a JetStream publish per request. Here the
 * deadlines share one timer, armed for the earliest, and nothing is built but the outcome.
 *
 * A reconnect keeps the subscription (the client subscribes again); requests whose answer was lost
 * in the outage time out. When the connection closes every pending request fails at once.
 */
export class RequestInbox {
  private readonly pending = new Map<string, Pending>();
  private readonly queues = new Map<number, DeadlineQueue>();
  private subscription: Subscription | undefined;
  private base = '';
  private sequence = 0;
  private timer: NodeJS.Timeout | undefined;
  private timerDeadline = Number.POSITIVE_INFINITY;
  private closed = false;

  constructor(private readonly connection: NatsConnection) {
    void connection.closed().then(
      () => this.close('the connection to NATS closed'),
      () => this.close('the connection to NATS closed'),
    );
  }

  /** Requests waiting for their answer: for tests and metrics. */
  get size(): number {
    return this.pending.size;
  }

  request(subject: string, payload: Payload, options: InboxRequest): Promise<RequestOutcome> {
    if (this.closed || this.connection.isClosed()) return Promise.resolve({ kind: 'failed', reason: 'the connection to NATS is closed' });
    if (!(options.timeoutMs > 0)) return Promise.resolve({ kind: 'failed', reason: `a request needs a positive timeout, not ${options.timeoutMs} ms` });
    try {
      this.subscription ??= this.subscribe();
    } catch (error) {
      return Promise.resolve({ kind: 'failed', reason: `the reply inbox could not be subscribed: ${String(error)}` });
    }
    const token = (++this.sequence).toString(36);
    const deadline = performance.now() + options.timeoutMs;
    let queue = this.queues.get(options.timeoutMs);
    if (!queue) {
      queue = new DeadlineQueue(options.timeoutMs);
      this.queues.set(options.timeoutMs, queue);
    }
    const pending: Pending = { token, deadline, queue, resolve: undefined };
    const outcome = new Promise<RequestOutcome>((resolve) => {
      pending.resolve = resolve;
    });
    try {
      this.connection.publish(subject, payload, options.headers ? { reply: this.base + token, headers: options.headers } : { reply: this.base + token });
    } catch (error) {
      // Closed, draining, a bad subject or a payload over the server's limit: nothing went out.
      return Promise.resolve({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
    this.pending.set(token, pending);
    queue.push(pending);
    if (deadline < this.timerDeadline) this.arm(deadline);
    return outcome;
  }

  private subscribe(): Subscription {
    const base = `${createInbox(inboxPrefixOf(this.connection))}.`;
    const subscription = this.connection.subscribe(`${base}*`, {
      callback: (error, msg) => {
        if (error) {
          // A permission violation or the like: no answer can come through this subscription.
          this.subscription = undefined;
          this.failAll(`the reply inbox failed: ${error.message}`);
          return;
        }
        this.answer(msg);
      },
    });
    this.base = base;
    return subscription;
  }

  private answer(msg: Msg): void {
    const pending = this.pending.get(msg.subject.slice(this.base.length));
    if (!pending) return; // the answer to a request that timed out already
    // Only an empty message can be the status; the headers are parsed only then, as nats.js does.
    this.settle(pending, msg.data.length === 0 && msg.headers?.code === 503 ? NO_RESPONDERS : { kind: 'answered', msg });
    pending.queue.first();
  }

  private settle(pending: Pending, outcome: RequestOutcome): void {
    const { resolve } = pending;
    if (!resolve) return;
    pending.resolve = undefined;
    this.pending.delete(pending.token);
    resolve(outcome);
  }

  private arm(deadline: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timerDeadline = deadline;
    this.timer = setTimeout(() => this.sweep(), Math.max(0, Math.ceil(deadline - performance.now())));
    // A pending request must not keep a process alive that is otherwise done.
    this.timer.unref();
  }

  /** Fails the requests past their deadline and arms the timer for the next one. */
  private sweep(): void {
    this.timer = undefined;
    this.timerDeadline = Number.POSITIVE_INFINITY;
    const now = performance.now();
    let next = Number.POSITIVE_INFINITY;
    for (const queue of [...this.queues.values()]) {
      let first = queue.first();
      while (first && first.deadline <= now) {
        queue.drop();
        this.settle(first, TIMED_OUT);
        first = queue.first();
      }
      if (first) next = Math.min(next, first.deadline);
      else this.queues.delete(queue.timeoutMs);
    }
    if (next < Number.POSITIVE_INFINITY) this.arm(next);
  }

  private failAll(reason: string): void {
    const outcome: RequestOutcome = { kind: 'failed', reason };
    for (const pending of [...this.pending.values()]) this.settle(pending, outcome);
    this.queues.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerDeadline = Number.POSITIVE_INFINITY;
  }

  private close(reason: string): void {
    this.closed = true;
    this.subscription = undefined;
    this.failAll(reason);
  }
}

const inboxes = new WeakMap<NatsConnection, RequestInbox>();

/** The connection's request inbox, shared by everything that sends requests over it. */
export const requestInboxOf = (connection: NatsConnection): RequestInbox => {
  let inbox = inboxes.get(connection);
  if (!inbox) {
    inbox = new RequestInbox(connection);
    inboxes.set(connection, inbox);
  }
  return inbox;
};
