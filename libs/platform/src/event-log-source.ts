import type { EventStore, RecordedEvent } from '@gongkai/event-sourcing';

const PAGE_SIZE = 1000;

/** The whole global log after a position, in pages, for replaying read models. */
export async function* eventLogAfter(store: Pick<EventStore, 'readAll'>, afterPosition: number | undefined): AsyncIterable<RecordedEvent> {
  let position = afterPosition;
  for (;;) {
    const page = await store.readAll({ ...(position === undefined ? {} : { fromPosition: position }), maxCount: PAGE_SIZE });
    yield* page;
    if (page.length < PAGE_SIZE) return;
    position = page[page.length - 1].globalPosition;
  }
}
