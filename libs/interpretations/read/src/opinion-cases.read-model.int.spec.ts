import type { OpinionCaseDetails, OpinionCaseEvent } from '@gongkai/interpretations/domain';
import { InMemoryReadStore, ProjectionRunner } from '@gongkai/read-store';
import { OPINION_CASES, OPINION_RESPONSES, type OpinionCaseDocument, type OpinionResponseDocument } from './opinion-case-documents';
import { opinionCasesFilter, publishedResponsesFilter, viewOpinionCase } from './opinion-case-visibility';
import { publishedResponsesFilterAsOf } from './interpretations-point-in-time';
import { opinionCasesProjection } from './opinion-cases.projection';
import { auditor, countyStaff, recorded, regulations } from './read-model.fixtures';

const NOTE = '监测发现境外账号借机炒作，暂不对外';
const details = (topic: string, change: Partial<OpinionCaseDetails> = {}): OpinionCaseDetails => ({
  topic,
  source: 'ONLINE',
  firstSeenAt: '2026-03-01T13:10:00.000Z',
  severity: 'MAJOR',
  emergency: true,
  incidentAt: '2026-03-01T12:30:00.000Z',
  departmentCode: 'SUPERVISION',
  firstSpokesperson: '局长 王某',
  ...change,
});
const response = (caseId: string, responseNumber: number, kind: 'ONLINE_STATEMENT' | 'PRESS_CONFERENCE', at: string): OpinionCaseEvent => ({
  type: 'OpinionResponseRecorded',
  data: {
    caseId,
    responseNumber,
    response: { kind, at, channel: '局网站', spokesperson: '局长 王某', link: '' },
    contentHash: 'a'.repeat(64),
    publicationRequest: {
      reviewId: `review-${caseId}-${responseNumber}`,
      itemType: 'OPINION_RESPONSE',
      itemId: caseId,
      itemVersion: responseNumber,
      contentHash: 'a'.repeat(64),
      title: 't',
      agencyCode: '445300',
      departmentCode: 'SUPERVISION',
      requestedBy: 'demo-supervision',
    },
  },
});
const stream = (caseId: string) => `interpretations.OpinionCase-${caseId}`;

/** c1: a major emergency answered online, then at a late press conference recorded after an earlier one. c2: a general case. */
const history = () => [
  recorded(stream('c1'), 0, { type: 'OpinionCaseRegistered', data: { caseId: 'c1', agencyCode: '445300', details: details('西江支流死鱼'), pressConferenceDueAt: '2026-03-02T12:30:00.000Z' } }),
  recorded(stream('c1'), 1, { type: 'OpinionMonitoringNoted', data: { caseId: 'c1', noteNumber: 1, note: NOTE, notedAt: '2026-03-01T14:00:00.000Z' } }),
  recorded(stream('c1'), 2, response('c1', 1, 'ONLINE_STATEMENT', '2026-03-01T15:00:00.000Z')),
  recorded(stream('c1'), 3, response('c1', 2, 'PRESS_CONFERENCE', '2026-03-02T13:00:00.000Z')),
  recorded(stream('c1'), 4, response('c1', 3, 'PRESS_CONFERENCE', '2026-03-02T11:00:00.000Z')),
  recorded(stream('c1'), 5, { type: 'OpinionResponsePublished', data: { caseId: 'c1', responseNumber: 1, contentHash: 'a'.repeat(64), reviewId: 'review-c1-1', publishedAt: '2026-03-01T16:00:00.000Z' } }),
  recorded(stream('c2'), 0, {
    type: 'OpinionCaseRegistered',
    data: { caseId: 'c2', agencyCode: '445300', details: details('垃圾焚烧厂选址', { severity: 'GENERAL', emergency: false, incidentAt: null, firstSpokesperson: '' }), pressConferenceDueAt: null },
  }),
  recorded(stream('c2'), 1, { type: 'OpinionCaseClosed', data: { caseId: 'c2', summary: '已召开听证会说明', closedAt: '2026-03-05T02:00:00.000Z' } }),
];

describe('The public-opinion read models', () => {
  let store: InMemoryReadStore;
  const cases = () => store.collection<OpinionCaseDocument>(OPINION_CASES);
  const responses = () => store.collection<OpinionResponseDocument>(OPINION_RESPONSES);

  beforeEach(async () => {
    store = new InMemoryReadStore();
    await new ProjectionRunner(store, [opinionCasesProjection]).start(history());
  });

  it('takes the earliest press conference, whatever order the conferences were recorded in', async () => {
    const c1 = (await cases().findOne({ _id: 'c1' }))!;
    expect(c1.firstPressConferenceAt).toBe('2026-03-02T11:00:00.000Z');
    expect(viewOpinionCase(c1, new Date('2026-04-01T00:00:00Z')).overdue).toBe(false);
    expect(c1.responses.map((r) => [r.number, r.publishedAt])).toEqual([
      [1, '2026-03-01T16:00:00.000Z'],
      [2, null],
      [3, null],
    ]);
  });

  it('keeps monitoring notes in the case only, and lets the public list only published responses', async () => {
    expect((await cases().findOne({ _id: 'c1' }))!.notes.map((n) => n.note)).toEqual([NOTE]);
    const listed = await responses().find(publishedResponsesFilter(null), { sort: { publishedAt: -1, _id: 1 } });
    expect(listed.map((r) => r._id)).toEqual(['c1:1']);
    expect(JSON.stringify(listed)).not.toContain(NOTE);
    expect(await responses().find(publishedResponsesFilter('c2'))).toEqual([]);
  });

  it('lists at a point in time (asOfInstant) the responses published by then, and never one under review', async () => {
    const listedAt = async (at: string) => (await responses().find(publishedResponsesFilterAsOf(null, at))).map((r) => r._id);
    expect(await listedAt('2026-03-01T15:59:59.999Z')).toEqual([]);
    expect(await listedAt('2026-03-01T16:00:00.000Z')).toEqual(['c1:1']);
    expect(await listedAt('2026-04-01T00:00:00.000Z')).toEqual(['c1:1']);
  });

  it('lists cases for the bureau of their agency, by severity', async () => {
    const ids = async (actor: typeof regulations, severity: 'GENERAL' | 'MAJOR' | null) => (await cases().find(opinionCasesFilter(actor, severity), { sort: { _id: 1 } })).map((c) => c._id);
    expect(await ids(auditor, null)).toEqual(['c1', 'c2']);
    expect(await ids(regulations, 'GENERAL')).toEqual(['c2']);
    expect(await ids(countyStaff, null)).toEqual([]);
  });

  it('never flags a case without the press-conference rule, open or closed', async () => {
    expect(viewOpinionCase((await cases().findOne({ _id: 'c2' }))!, new Date('2027-01-01T00:00:00Z'))).toMatchObject({ overdue: false, status: 'CLOSED', summary: '已召开听证会说明' });
  });
});
