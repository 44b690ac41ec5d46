/**
 * The relay saves its checkpoint every 100 events or 100 ms: after a crash at most that much is
 * published again (and dropped as duplicates by event id), while a synced write per event would
 * make the relay, not the store, the limit under load.
 */
export const RELAY_CHECKPOINT_EVERY = { events: 100, ms: 100 } as const;
