import { eventLeafHash, MerkleTree } from '@gongkai/oversight/domain';
import type { EventLogReader } from './event-log-reader';

const PAGE_SIZE = 1000;

/** The Merkle tree of the log as last read: leaves by index, and each event's id and stored hash. */
export interface LogTreeView {
  readonly tree: MerkleTree;
  indexOf(eventId: string): number | undefined;
  eventHashAt(index: number): string;
  readonly source: EventLogReader['source'];
}

/**
 * The Merkle tree of the whole log, kept between queries: each query first reads only the events
 * appended since the last one, so checkpoints and proofs cost O(new events + log² n) rather than a
 * read of the whole log. Tampering with events already read is not seen here but by `verifyEventLog`,
 * which reads everything, as it must.
 *
 * The audit index receives the relays' events interleaved, so an event may arrive below the
 * position already read; when the count up to that position no longer matches the tree, the tree
 * is read again from the start.
 */
export class LogTree implements LogTreeView {
  private current = new MerkleTree();
  private ids = new Map<string, number>();
  private hashes: string[] = [];
  private position: number | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly reader: EventLogReader) {}

  get tree(): MerkleTree {
    return this.current;
  }

  get source(): EventLogReader['source'] {
    return this.reader.source;
  }

  indexOf(eventId: string): number | undefined {
    return this.ids.get(eventId);
  }

  eventHashAt(index: number): string {
    return this.hashes[index];
  }

  /** Brings the tree up to the log's end; concurrent callers share one reading. */
  async sync(): Promise<LogTreeView> {
    const run = this.queue.then(() => this.catchUp());
    this.queue = run.catch(() => undefined);
    await run;
    return this;
  }

  private async catchUp(): Promise<void> {
    if (this.position !== undefined && this.reader.countThrough && (await this.reader.countThrough(this.position)) !== this.current.size) this.reset();
    for (;;) {
      const page = await this.reader.readPage(this.position, PAGE_SIZE);
      for (const event of page) {
        this.ids.set(event.id, this.current.size);
        this.hashes.push(event.hash);
        this.current.append(eventLeafHash(event.hash));
      }
      if (page.length > 0) this.position = page[page.length - 1].globalPosition;
      if (page.length < PAGE_SIZE) return;
    }
  }

  private reset(): void {
    this.current = new MerkleTree();
    this.ids = new Map();
    this.hashes = [];
    this.position = undefined;
  }
}
