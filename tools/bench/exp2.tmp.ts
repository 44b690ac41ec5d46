import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@gongkai/event-sourcing/sqlite';
import { sealEvents } from '../../libs/event-sourcing/src/sealing';
import { drafted, revised } from './support/service-item-fixtures';
const dir = mkdtempSync(join(tmpdir(), 'exp-'));
const N = 6000, S = 1000;
const ids = Array.from({ length: S }, () => randomUUID());
const at = new Date().toISOString();
const plan = Array.from({ length: N }, (_, i) => ({ s: `s-${ids[i % S]}`, r: Math.floor(i / S), e: Math.floor(i / S) === 0 ? drafted(ids[i % S], i, at) : revised(ids[i % S], i, 2, at) }));
const main = async () => {
  let t = process.hrtime.bigint();
  for (const p of plan) sealEvents(p.s, [p.e], undefined);
  console.log('seal only µs/event', Number(process.hrtime.bigint() - t) / 1e3 / N);
  for (const where of [':memory:', join(dir, 'x.db')]) {
    const store = new SqliteEventStore(where, { synchronous: 'NORMAL' });
    t = process.hrtime.bigint();
    for (const p of plan) await store.appendToStream(p.s, [p.e], { expectedRevision: p.r === 0 ? 'no_stream' : p.r - 1 });
    console.log(where, 'adapter NORMAL µs/event', Number(process.hrtime.bigint() - t) / 1e3 / N);
    await store.close();
  }
};
main();
