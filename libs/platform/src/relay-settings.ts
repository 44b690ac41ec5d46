/**
 * The relay saves its checkpoint every 100 events or 100 ms: after a crash at most that much is
 * published again (and dropped as duplicates by event id), while a synced write per event would
 * make the relay, not the store, the limit under load.
 */
export const RELAY_CHECKPOINT_EVERY = { events: 100, ms: 100 } as const;

/**
 * Events the relay of a service publishes to JetStream at once, their PubAcks awaited together:
 * one at a time, a PubAck's round trip per event made the relay fall seconds behind the store
 * under load. The checkpoint still moves only over acknowledged events, one event per stream is in
 * flight, and a resend after a crash is dropped by `Nats-Msg-Id`.
 */
export const RELAY_PUBLISH_WINDOW = 64;
