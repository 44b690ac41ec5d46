import type { RecordedEvent } from '@gongkai/event-sourcing';
import { ProjectionTimeoutError } from '../position-waiters';
import { event } from '../projection-runner.fixtures';
import type { Projection } from '../projection';
import { ProjectionRunner } from '../projection-runner';
import { STREAM_HEADS } from '../shared-stream-heads';
import { STREAM_REVISIONS } from '../stream-revisions';
import type { ContractContext } from './contract-context';

const recorded = (streamId: string, revision: number, globalPosition: number): RecordedEvent => event('NoticeDrafted', streamId, revision, { title: `revision ${revision}` }, globalPosition);

/**
 * Read-your-writes with several gateway replicas on one store (ADR 0004): two runners share the
 * store, one applies, the other answers the mutation. Every adapter must carry the records that
 * make this work, so it is part of the store's contract.
 */
export function sharedRunnersContract(ctx: ContractContext): void {
  describe('projection runners sharing the store (gateway replicas)', () => {
    let streamId: string;
    let projectionName: string;
    let replicas: ProjectionRunner[];

    beforeEach(async () => {
      const { name: collection } = ctx.fresh();
      projectionName = ctx.uniqueName('notices');
      streamId = `contract.Notice-${ctx.uniqueName('n')}`;
      const projection: Projection = {
        name: projectionName,
        version: 1,
        collections: [collection],
        handles: ['NoticeDrafted'],
        async apply(event, store) {
          await store.collection(collection).updateOne({ _id: event.streamId }, { $set: { title: (event.data as { title: string }).title } }, { upsert: true });
        },
      };
      replicas = [new ProjectionRunner(ctx.store(), [projection], { shared: true }), new ProjectionRunner(ctx.store(), [projection], { shared: true })];
      for (const replica of replicas) await replica.start();
    });

    afterEach(async () => {
      await ctx.store().collection(STREAM_HEADS).deleteMany({ _id: streamId });
      await ctx.store().collection(STREAM_REVISIONS).deleteMany({ projection: projectionName });
    });

    it('lets a replica that applied nothing see the write another replica applied', async () => {
      const [applying, answering] = replicas;
      const waiting = answering.waitForStreamRevision(streamId, 1, 5_000);
      await applying.handle(recorded(streamId, 0, 1));
      await applying.handle(recorded(streamId, 1, 2));
      await expect(waiting).resolves.toBeUndefined();
      await expect(answering.waitForStreamRevision(streamId, 0, 50)).resolves.toBeUndefined();
    });

    it('still answers at once when the replica applied the event itself', async () => {
      const [applying] = replicas;
      await applying.handle(recorded(streamId, 0, 1));
      await expect(applying.waitForStreamRevision(streamId, 0, 50)).resolves.toBeUndefined();
    });

    it('gives up after the timeout while no replica has applied the revision', async () => {
      const [applying, answering] = replicas;
      await applying.handle(recorded(streamId, 0, 1));
      const waiting = answering.waitForStreamRevision(streamId, 1, 100);
      await expect(waiting).rejects.toBeInstanceOf(ProjectionTimeoutError);
      await expect(waiting).rejects.toThrow(/within 100 ms/);
    });

    it('never moves a stream back when an older revision is recorded late', async () => {
      const [applying, answering] = replicas;
      await applying.handle(recorded(streamId, 0, 1));
      await applying.handle(recorded(streamId, 1, 2));
      await answering.handle(recorded(streamId, 0, 1)); // a redelivery to the other replica
      await expect(answering.waitForStreamRevision(streamId, 1, 50)).resolves.toBeUndefined();
    });
  });
}
