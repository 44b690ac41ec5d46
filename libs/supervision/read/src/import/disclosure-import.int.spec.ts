import { defaultCalendar } from '@gongkai/calendar';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { Actor, Command } from '@gongkai/kernel';
import { type DisclosureCategory, disclosureImportDecider, disclosureLedgerDecider, enterpriseDecider, importedDisclosureId } from '@gongkai/supervision/domain';
import { DISCLOSURES, type DisclosureDocument } from '../disclosure-document';
import { DISCLOSURE_IMPORTS, type DisclosureImportDocument } from '../disclosure-import-document';
import { SupervisionHistory } from '../supervision-history.fixtures';
import { type ImportOutcome, importDisclosures } from './disclosure-importer';

const MONITORING: Actor = { id: 'demo-monitoring', roles: ['staff'], agencyCode: '445300', departmentCode: 'MONITORING_STATION' };
const CEMENT = '91445302707712343T';
const STEEL = '914453211943876526';
const NOW = '2026-03-02T02:00:00Z';
const HEADER = '统一社会信用代码,形成日期,排放口,污染物,监测值,单位,标准限值,采样时间';

const row = (i: number, code = CEMENT, value = String(20 + (i % 20))) => `${code},2026-02-27,${1 + (i % 3)}号排放口,颗粒物,${value},mg/m³,30,2026-02-26 10:00`;
const file = (lines: readonly string[]) => Buffer.from(`${[HEADER, ...lines].join('\r\n')}\r\n`);

async function* inPieces(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += 4096) yield bytes.subarray(i, i + 4096);
}

describe('Bulk import of monitoring results from CSV (批量导入)', () => {
  let history: SupervisionHistory;
  let written: RecordedEvent[];
  let reads: number;

  const send = async (type: string, data: object) => {
    const { importId, chunk } = data as { importId: string; chunk?: number };
    const [decider, stream] =
      type === 'ImportDisclosureChunk'
        ? [disclosureLedgerDecider, `supervision.DisclosureImportChunk-${importId}.${chunk}`]
        : [disclosureImportDecider, `supervision.DisclosureImport-${importId}`];
    written.push(...(await history.decide(decider as typeof disclosureImportDecider, stream, { type, data } as Command as never, MONITORING, NOW)));
  };
  const run = (bytes: Uint8Array, importId = 'import-1', encoding?: 'utf-8' | 'gb18030', category: DisclosureCategory = 'SUPERVISORY_MONITORING'): Promise<ImportOutcome> =>
    importDisclosures(
      { importId, category, agencyCode: '445300', departmentCode: 'MONITORING_STATION', fileName: 'm.csv', ...(encoding ? { encoding } : {}) },
      {
        file: () => {
          reads++;
          return inPieces(bytes);
        },
        send,
        sendChunk: async (data) => {
          await send('ImportDisclosureChunk', data);
          return { streamId: 'chunk', revision: 0 };
        },
        applied: async () => undefined,
        today: '2026-03-02',
        now: new Date(NOW),
        calendar: defaultCalendar(),
        knownEnterprise: async (code) => code === CEMENT,
      },
    );

  beforeEach(async () => {
    history = new SupervisionHistory();
    await history.start();
    written = [];
    reads = 0;
    await history.decide(enterpriseDecider, `supervision.Enterprise-${CEMENT}`, { type: 'RegisterEnterprise', data: { creditCode: CEMENT, enterprise: { name: '云城水泥', address: '云城', countyCode: '445302', industry: '水泥' } } }, MONITORING, NOW);
  });

  it('imports a valid file as one event per row, in chunks of 500, then completes it', async () => {
    const lines = Array.from({ length: 1201 }, (_, i) => row(i));
    expect(await run(file(lines))).toEqual({ imported: true, importId: 'import-1', rowCount: 1201, chunkCount: 3 });
    expect(reads).toBe(2);
    expect(written.filter((e) => e.type === 'DisclosureImported')).toHaveLength(1201);
    expect(written.map((e) => e.type).filter((t) => t !== 'DisclosureImported')).toEqual([
      'DisclosureImportStarted',
      'DisclosureImportChunkRecorded',
      'DisclosureImportChunkRecorded',
      'DisclosureImportChunkRecorded',
      'DisclosureImportCompleted',
    ]);
    const last = await history.store.collection<DisclosureDocument>(DISCLOSURES).findOne({ _id: importedDisclosureId('import-1', 1202) });
    expect(last).toMatchObject({ enterpriseName: '云城水泥', formedOn: '2026-02-27', current: { details: { measuredValue: 20 + (1200 % 20), sampledAt: '2026-02-26T02:00:00.000Z' } } });
    expect(await history.store.collection<DisclosureImportDocument>(DISCLOSURE_IMPORTS).findOne({ _id: 'import-1' })).toMatchObject({ status: 'COMPLETED', rowCount: 1201 });
  });

  it('imports nothing when one row is bad, and names its row, column and rule', async () => {
    const lines = Array.from({ length: 800 }, (_, i) => row(i));
    lines[612] = row(612, CEMENT, '未检出');
    const outcome = await run(file(lines));
    expect(outcome).toEqual({ imported: false, problemCount: 1, problems: [{ row: 614, column: '监测值', rule: 'NOT_A_NUMBER', message: 'measuredValue must be a number.' }] });
    expect(written).toEqual([]);
    expect(await history.store.collection(DISCLOSURES).count({ importId: 'import-1' })).toBe(0);
  });

  it('reports every bad row: an unregistered enterprise, an invalid code, a short row, a blank line between rows', async () => {
    const lines = [row(0), row(1, STEEL), row(2, '91445302707712343X'), '91445302707712343T,2026-02-27', '', row(5)];
    const outcome = await run(file(lines));
    expect(outcome.imported).toBe(false);
    expect(!outcome.imported && outcome.problems.map((p) => [p.row, p.column, p.rule])).toEqual([
      [3, '统一社会信用代码', 'UNKNOWN_ENTERPRISE'],
      [4, '统一社会信用代码', 'CREDIT_CODE_CHECK'],
      [5, null, 'COLUMN_COUNT'],
      [6, null, 'BLANK_ROW'],
    ]);
  });

  it('refuses a header with an unknown or missing column before reading any row', async () => {
    const outcome = await run(Buffer.from('统一社会信用代码,形成日期,污染物,浓度\n'));
    expect(!outcome.imported && outcome.problems.map((p) => [p.row, p.column, p.rule])).toEqual([
      [1, '浓度', 'UNKNOWN_COLUMN'],
      [1, 'outlet', 'MISSING_COLUMN'],
      [1, 'measuredValue', 'MISSING_COLUMN'],
      [1, 'unit', 'MISSING_COLUMN'],
      [1, 'limit', 'MISSING_COLUMN'],
      [1, 'sampledAt', 'MISSING_COLUMN'],
    ]);
  });

  it('reads a GB18030 file as well as a UTF-8 one', async () => {
    // The Chinese header and one row, in GB18030.
    const gb = Buffer.from(await gb18030(`${HEADER}\n${row(0)}\n`));
    expect(await run(gb, 'import-gb')).toMatchObject({ imported: true, rowCount: 1 });
    const imported = await history.store.collection<DisclosureDocument>(DISCLOSURES).findOne({ _id: importedDisclosureId('import-gb', 2) });
    expect(imported).toMatchObject({ current: { details: { pollutant: '颗粒物', outlet: '1号排放口' } } });
  });

  it('imports other categories the same way, by their Chinese headings, money in fen', async () => {
    const penalties = [
      '统一社会信用代码,形成日期,标题,处罚决定书文号,违法事实,法律依据,处罚种类,罚款金额（分）,处罚决定日期',
      `${CEMENT},2026-02-10,,云环罚〔2026〕7号,"超标排放颗粒物，拒不改正",《大气污染防治法》第九十九条,FINE,20000000,2026-02-10`,
      `${CEMENT},2026-02-11,,云环罚〔2026〕8号,未按规定监测,《大气污染防治法》第一百条,FINE,,2026-02-11`,
    ];
    const refused = await run(Buffer.from(penalties.join('\n')), 'penalties', undefined, 'ADMINISTRATIVE_PENALTY');
    expect(!refused.imported && refused.problems.map((p) => [p.row, p.column, p.rule])).toEqual([[3, '罚款金额（分）', 'FINE_WITHOUT_AMOUNT']]);
    const accepted = await run(Buffer.from(penalties.slice(0, 2).join('\n')), 'penalties-2', undefined, 'ADMINISTRATIVE_PENALTY');
    expect(accepted).toMatchObject({ imported: true, rowCount: 1 });
    const record = await history.store.collection<DisclosureDocument>(DISCLOSURES).findOne({ _id: importedDisclosureId('penalties-2', 2) });
    expect(record).toMatchObject({ title: '云环罚〔2026〕7号', current: { details: { facts: '超标排放颗粒物，拒不改正', amountFen: 20_000_000 }, publicationDueOn: '2026-02-26' } });
  });

  it('refuses a file with a header and no rows', async () => {
    expect(await run(Buffer.from(`${HEADER}\n`))).toMatchObject({ imported: false, problems: [{ rule: 'NO_ROWS' }] });
  });
});

/** GB18030 bytes for a text: Node decodes GB18030 but does not encode it, so the test builds the bytes by search. */
const gb18030 = async (text: string): Promise<Uint8Array> => {
  const { TextDecoder } = await import('node:util');
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(Uint8Array.of(lead, trail));
      if (!table.has(char)) table.set(char, [lead, trail]);
    }
  }
  return Uint8Array.from([...text].flatMap((char) => (char.charCodeAt(0) < 0x80 ? [char.charCodeAt(0)] : (table.get(char) ?? [0x3f]))));
};
