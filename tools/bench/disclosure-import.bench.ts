import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { defaultCalendar } from '@gongkai/calendar';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import { type Actor, ANONYMOUS, type Command } from '@gongkai/kernel';
import { InMemoryReadStore, ProjectionRunner } from '@gongkai/read-store';
import { creditCodeCheckCharacter, disclosureImportDecider, disclosureLedgerDecider } from '@gongkai/supervision/domain';
import { DISCLOSURE_SORT, type DisclosureDocument, disclosureFilter, DISCLOSURES, importDisclosures, SUPERVISION_PROJECTIONS } from '@gongkai/supervision/read';
import { graphql, loginAs, startPlatformProcess } from '@gongkai/testing';
import type { BenchOptions } from './support/options';
import type { BenchResult } from './support/report';
import { withTempDir } from './support/temp-dir';
import { timeSeconds } from './support/timing';

/**
 * Bulk import of monitoring results (issue 6): 100,000 rows through the platform's HTTP endpoint,
 * memory sampled from /metrics while a bad file is checked and while a good one is imported; then
 * one enterprise's exceedances in a month, from the read model, beside a plain scan of the same data.
 */
const ROWS = { full: 100_000, quick: 10_000 };
const ENTERPRISES = 50;
const MONITORING: Actor = { id: 'bench-monitoring', roles: ['staff'], agencyCode: '445300', departmentCode: 'MONITORING_STATION' };
const HEADER = 'enterpriseCreditCode,formedOn,outlet,pollutant,measuredValue,unit,limit,sampledAt';

/** A full garbage collection, to measure what is live rather than what the collector has not yet freed. */
const collectGarbage = (): (() => void) => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
};

/** Live heap (after a full collection), in bytes. */
const liveHeap = (gc: () => void): number => {
  gc();
  return process.memoryUsage().heapUsed;
};

const creditCodes = Array.from({ length: ENTERPRISES }, (_, i) => {
  const first17 = `91445302${String(70_000_000 + i * 7919).slice(0, 8)}X`;
  return first17 + creditCodeCheckCharacter(first17);
});

/** Row i: enterprise i mod 50; each enterprise's k-th row falls in month k mod 12 of 2025, every tenth above the limit. */
const rowOf = (i: number, bad = false): string => {
  const k = Math.floor(i / ENTERPRISES);
  const day = `2025-${String(1 + (k % 12)).padStart(2, '0')}-${String(1 + (Math.floor(k / 12) % 28)).padStart(2, '0')}`;
  const value = bad ? 'N/A' : k % 10 === 0 ? 45 : 20 + (k % 7);
  return `${creditCodes[i % ENTERPRISES]},${day},${1 + (k % 3)}号排放口,颗粒物,${value},mg/m³,30,${day} 10:00\n`;
};

const writeCsv = async (path: string, rows: number, badLast: boolean): Promise<void> => {
  const out = createWriteStream(path);
  out.write(`${HEADER}\n`);
  for (let i = 0; i < rows; i++) if (!out.write(rowOf(i, badLast && i === rows - 1))) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
};

/** Resident and heap memory of the platform, from its Prometheus metrics, polled while `work` runs. */
const sampleMemory = async <T>(baseUrl: string, work: () => Promise<T>): Promise<{ result: T; peakRss: number; peakHeap: number }> => {
  const read = async () => {
    const text = await (await fetch(`${baseUrl}/metrics`)).text();
    const value = (name: string) => Number(new RegExp(`^${name}\\{[^}]*\\} (\\S+)`, 'm').exec(text)?.[1] ?? 0);
    return { rss: value('gongkai_process_resident_memory_bytes'), heap: value('gongkai_nodejs_heap_size_used_bytes') };
  };
  let peakRss = 0;
  let peakHeap = 0;
  let running = true;
  const poll = (async () => {
    while (running) {
      const { rss, heap } = await read();
      peakRss = Math.max(peakRss, rss);
      peakHeap = Math.max(peakHeap, heap);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  try {
    return { result: await work(), peakRss, peakHeap };
  } finally {
    running = false;
    await poll;
  }
};

const upload = async (baseUrl: string, file: string, token: Record<string, string>): Promise<{ status: number; body: string }> => {
  const response = await fetch(`${baseUrl}/supervision/disclosure-imports?category=SUPERVISORY_MONITORING&fileName=bench.csv`, {
    method: 'POST',
    headers: { ...token, 'content-type': 'text/csv' },
    body: createReadStream(file) as unknown as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  return { status: response.status, body: await response.text() };
};

/** The same import in this process: real deciders and projections over an in-memory read store, no event store. */
const readModelInProcess = async (file: string, rows: number, gc: () => void): Promise<{ store: InMemoryReadStore; checkGrowth: number }> => {
  const base = liveHeap(gc);
  let checked = 0;
  let checkGrowth = 0;
  const store = new InMemoryReadStore();
  const runner = new ProjectionRunner(store, SUPERVISION_PROJECTIONS);
  await runner.start();
  const states = new Map<string, unknown>();
  const revisions = new Map<string, number>();
  let position = 0;
  const decide = async (streamId: string, command: Command, actor: Actor): Promise<RecordedEvent[]> => {
    const decider = (streamId.includes('Chunk') ? disclosureLedgerDecider : disclosureImportDecider) as unknown as typeof disclosureImportDecider;
    const state = (states.get(streamId) ?? decider.initialState()) as ReturnType<typeof decider.initialState>;
    const events = decider.decide(command as Parameters<typeof decider.decide>[0], state, { now: new Date(), actor, calendar: defaultCalendar(), correlationId: 'bench' });
    states.set(streamId, events.reduce(decider.evolve, state));
    const recorded = events.map((event): RecordedEvent => {
      const revision = (revisions.get(streamId) ?? -1) + 1;
      revisions.set(streamId, revision);
      const metadata = { actor, correlationId: 'bench', causationId: null };
      return { id: `e${++position}`, type: event.type, schemaVersion: 1, streamId, revision, globalPosition: position, occurredAt: new Date().toISOString(), data: event.data, metadata, prevHash: '', hash: '' };
    });
    for (const event of recorded) await runner.handle(event);
    return recorded;
  };
  const stream = (data: object) => ('chunk' in data ? `Chunk-${(data as { chunk: number }).chunk}` : 'Import');
  const outcome = await importDisclosures(
    { importId: 'bench', category: 'SUPERVISORY_MONITORING', agencyCode: '445300', departmentCode: 'MONITORING_STATION', fileName: 'bench.csv' },
    {
      file: () => createReadStream(file),
      send: async (type, data) => decide(stream(data), { type, data }, MONITORING),
      sendChunk: async (data) => (await decide(stream(data), { type: 'ImportDisclosureChunk', data }, MONITORING), { streamId: '', revision: 0 }),
      applied: async () => undefined,
      today: new Date().toISOString().slice(0, 10),
      now: new Date(),
      calendar: defaultCalendar(),
      // Asked once per row while the file is checked: every 10,000 rows, what the check holds is measured.
      knownEnterprise: async () => {
        if (++checked % 10_000 === 0 && checked <= rows) checkGrowth = Math.max(checkGrowth, liveHeap(gc) - base);
        return true;
      },
    },
  );
  if (!outcome.imported || outcome.rowCount !== rows) throw new Error(`The in-process import failed: ${JSON.stringify(outcome).slice(0, 300)}`);
  for (let chunk = 0; chunk * 500 < rows; chunk++) {
    const { chunkHash } = ((states.get(`Chunk-${chunk}`) as { chunk: { chunkHash: string } }).chunk);
    await decide(`Chunk-${chunk}`, { type: 'PublishImportedChunk', data: { importId: 'bench', chunk, chunkHash, reviewId: 'r', publishedAt: new Date().toISOString() } }, { id: 'system:bench', roles: ['system'] });
  }
  states.clear();
  return { store, checkGrowth };
};

interface Search {
  readonly code: string;
  readonly from: string;
  readonly to: string;
}

/** Every enterprise in every month: 600 different searches, so that no answer is served from a cache. */
const searches = (): Search[] =>
  creditCodes.flatMap((code) => Array.from({ length: 12 }, (_, m) => ({ code, from: `2025-${String(m + 1).padStart(2, '0')}-01`, to: `2025-${String(m + 1).padStart(2, '0')}-31` })));

export const benchDisclosureImport = (options: BenchOptions): Promise<BenchResult> =>
  withTempDir('disclosure-import', async (dir) => {
    const rows = options.quick ? ROWS.quick : ROWS.full;
    const good = join(dir, 'monitoring.csv');
    const bad = join(dir, 'monitoring-bad-last-row.csv');
    await writeCsv(good, rows, false);
    await writeCsv(bad, rows, true);
    const fileMb = (await stat(good)).size / 2 ** 20;

    const platform = await startPlatformProcess();
    let platformFigures: { importSeconds: number; rejectSeconds: number; before: number; rejectPeak: number; importPeak: number; importHeap: number; graphqlPerSecond: number; publishSeconds: number };
    try {
      const staff = await loginAs(platform.baseUrl, 'supervision');
      const reviewer = await loginAs(platform.baseUrl, 'reviewer');
      for (const code of creditCodes) {
        await graphql(platform.baseUrl, 'mutation($i: EnterpriseInput!) { registerEnterprise(input: $i) { creditCode } }', { i: { creditCode: code, name: `企业${code.slice(-6)}`, address: '云城区', countyCode: '445302', industry: '水泥' } }, staff);
      }
      const idle = await sampleMemory(platform.baseUrl, async () => new Promise((resolve) => setTimeout(resolve, 500)));
      let rejectSeconds = 0;
      const rejected = await sampleMemory(platform.baseUrl, async () => {
        let answer = { status: 0, body: '' };
        rejectSeconds = await timeSeconds(async () => void (answer = await upload(platform.baseUrl, bad, staff)));
        return answer;
      });
      if (rejected.result.status !== 422 || !rejected.result.body.includes(`"row":${rows + 1}`)) throw new Error(`The bad file was not refused at its last row: ${rejected.result.body.slice(0, 300)}`);
      let importSeconds = 0;
      const imported = await sampleMemory(platform.baseUrl, async () => {
        let answer = { status: 0, body: '' };
        importSeconds = await timeSeconds(async () => void (answer = await upload(platform.baseUrl, good, staff)));
        return answer;
      });
      if (imported.result.status !== 201) throw new Error(`The import failed: ${imported.result.body.slice(0, 300)}`);
      const { importId } = JSON.parse(imported.result.body) as { importId: string };

      const publishSeconds = await timeSeconds(async () => {
        await graphql(platform.baseUrl, 'mutation($id: ID!) { requestDisclosureImportPublication(id: $id) { status } }', { id: importId }, staff);
        for (let published = false; !published; await new Promise((resolve) => setTimeout(resolve, 200))) {
          const reviews = (await graphql<{ publicationReviews: { id: string; itemId: string }[] }>(platform.baseUrl, '{ publicationReviews(status: PENDING) { id itemId } }', {}, reviewer)).data?.publicationReviews ?? [];
          for (const review of reviews.filter((r) => r.itemId === importId)) await graphql(platform.baseUrl, 'mutation($id: ID!) { approvePublicationReview(id: $id) { status } }', { id: review.id }, reviewer);
          const count = (await graphql<{ disclosures: { totalCount: number } }>(platform.baseUrl, '{ disclosures(category: SUPERVISORY_MONITORING) { totalCount } }')).data?.disclosures.totalCount;
          published = count === rows;
        }
      });
      const query = 'query($code: String, $from: Date, $to: Date) { disclosures(category: SUPERVISORY_MONITORING, enterpriseCreditCode: $code, from: $from, to: $to, exceeded: true, first: 20) { totalCount edges { node { id } } } }';
      const all = searches();
      const graphqlSeconds = await timeSeconds(async () => {
        for (const s of all) await graphql(platform.baseUrl, query, { ...s });
      });
      platformFigures = {
        importSeconds,
        rejectSeconds,
        before: idle.peakRss,
        rejectPeak: rejected.peakRss,
        importPeak: imported.peakRss,
        importHeap: imported.peakHeap,
        graphqlPerSecond: all.length / graphqlSeconds,
        publishSeconds,
      };
    } finally {
      await platform.stop();
      platform.cleanup();
    }

    const gc = collectGarbage();
    const heapBefore = liveHeap(gc);
    const { store, checkGrowth } = await readModelInProcess(good, rows, gc);
    const readModelBytes = liveHeap(gc) - heapBefore;
    const collection = store.collection<DisclosureDocument>(DISCLOSURES);
    const documents = await collection.find({});
    const all = searches();
    let fromModel = 0;
    let shownByModel = 0;
    const modelSeconds = await timeSeconds(async () => {
      for (const s of all) {
        const filter = disclosureFilter(ANONYMOUS, { category: 'SUPERVISORY_MONITORING', enterpriseCreditCode: s.code, from: s.from, to: s.to, exceeded: true });
        const [page, total] = await Promise.all([collection.find(filter, { sort: DISCLOSURE_SORT, limit: 20 }), collection.count(filter)]);
        fromModel += total;
        shownByModel += page.length;
      }
    });
    let fromScan = 0;
    let shownByScan = 0;
    const scanSeconds = await timeSeconds(() => {
      for (const s of all) {
        const matches = documents.filter(
          (d) => d.enterpriseCreditCode === s.code && d.category === 'SUPERVISORY_MONITORING' && d.formedOn >= s.from && d.formedOn <= s.to && d.listedPublicly && d.published?.content.exceeded === true,
        );
        matches.sort((a, b) => (a.formedOn === b.formedOn ? (a._id < b._id ? -1 : 1) : a.formedOn < b.formedOn ? 1 : -1));
        fromScan += matches.length;
        shownByScan += matches.slice(0, 20).length;
      }
    });
    if (fromModel !== fromScan || shownByModel !== shownByScan || fromModel !== rows / 10) throw new Error(`The read model found ${fromModel} exceedances, the scan ${fromScan}, the file has ${rows / 10}.`);
    await store.close();

    const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
    const f = platformFigures;
    const scanRate = { value: all.length / scanSeconds, unit: 'queries/s' };
    return {
      rows: [
        { measurement: `bulk import, ${rows.toLocaleString('en-US')} rows over HTTP, whole platform`, figure: { value: rows / f.importSeconds, unit: 'rows/s' }, baselineName: 'the same file checked and refused (parse + validate only)', baseline: { value: rows / f.rejectSeconds, unit: 'rows/s' } },
        { measurement: 'one enterprise’s exceedances in a month, read model (in process)', figure: { value: all.length / modelSeconds, unit: 'queries/s' }, baselineName: `plain scan of the same ${rows.toLocaleString('en-US')} documents`, baseline: scanRate },
        { measurement: 'the same search through GraphQL, whole platform, anonymous', figure: { value: f.graphqlPerSecond, unit: 'queries/s' }, baselineName: `plain scan of the same ${rows.toLocaleString('en-US')} documents`, baseline: scanRate },
      ],
      notes: [
        `disclosure import: ${rows.toLocaleString('en-US')} rows, ${fileMb.toFixed(1)} MiB of CSV, ${ENTERPRISES} enterprises; import ${f.importSeconds.toFixed(1)} s, refusal of the bad file (last row bad) ${f.rejectSeconds.toFixed(1)} s, review and publication of all rows ${f.publishSeconds.toFixed(1)} s.`,
        `disclosure import memory, platform RSS from /metrics every 200 ms: ${mb(f.before)} idle, peak ${mb(f.rejectPeak)} while the whole bad file was checked, peak ${mb(f.importPeak)} (heap ${mb(f.importHeap)}) while importing; RSS includes garbage not yet collected.`,
        `disclosure import memory, live heap after full collections in this process: the check of all ${rows.toLocaleString('en-US')} rows held at most ${(checkGrowth / 2 ** 20).toFixed(1)} MiB (one chunk of 500 rows and the parser's piece of the file); the read model of ${rows.toLocaleString('en-US')} published records takes ${mb(readModelBytes)} (${(readModelBytes / rows / 1024).toFixed(1)} KiB each).`,
        `exceedance search: ${all.length} different searches (50 enterprises × 12 months), ${rows / 10} matches in all; read model ${((modelSeconds / all.length) * 1000).toFixed(2)} ms per search, scan ${((scanSeconds / all.length) * 1000).toFixed(2)} ms, GraphQL ${(1000 / f.graphqlPerSecond).toFixed(2)} ms.`,
      ],
    };
  });
