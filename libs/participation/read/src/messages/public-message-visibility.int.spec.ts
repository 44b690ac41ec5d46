import type { Actor } from '@gongkai/kernel';
import { InMemoryReadStore } from '@gongkai/read-store';
import type { PublicMessageDocument } from './public-message-document';
import { escalatedListFilter, messageListFilter, readsAuthor, trackingView, viewPublicMessage } from './public-message-visibility';

const anonymous: Actor = { id: 'anonymous', roles: ['public'] };
const office: Actor = { id: 'demo-office', roles: ['office', 'staff'], agencyCode: '445300', departmentCode: 'OFFICE' };
const supervision: Actor = { id: 'demo-supervision', roles: ['staff'], agencyCode: '445300', departmentCode: 'SUPERVISION' };
const regulations: Actor = { id: 'demo-regulations', roles: ['staff'], agencyCode: '445300', departmentCode: 'REGULATIONS' };
const window: Actor = { id: 'demo-window', roles: ['staff'], agencyCode: '445300', departmentCode: 'SERVICE_WINDOW' };
const countyWindow: Actor = { id: 'county-window', roles: ['staff'], agencyCode: '445381', departmentCode: 'SERVICE_WINDOW' };
const auditor: Actor = { id: 'demo-auditor', roles: ['auditor'], agencyCode: '445300' };

const message = (overrides: Partial<PublicMessageDocument> = {}): PublicMessageDocument => ({
  _id: 'm1',
  agencyCode: '445300',
  departmentCode: 'OFFICE',
  routed: false,
  kind: 'INQUIRY',
  subject: '噪声',
  text: '夜间施工',
  publishable: true,
  trackingCode: 'YM26-ABCD-EFGH',
  accessKeyHash: 'a'.repeat(64),
  author: { keyId: 'public-message:m1', ciphertext: 'pd1.x.y.z' },
  receivedOn: '2026-03-02',
  receivedYear: 2026,
  answerLimitWorkingDays: 5,
  answerDueOn: '2026-03-09',
  dueDayFromCalendar: false,
  status: 'RECEIVED',
  complaintNote: null,
  answer: null,
  publication: null,
  hidden: null,
  escalation: null,
  rating: null,
  createdAt: '2026-03-02T02:00:00.000Z',
  updatedAt: '2026-03-02T02:00:00.000Z',
  ...overrides,
});
const answer = { text: '已查处', answeredBy: 'demo-supervision', answeredOn: '2026-03-12', late: true, workingDaysTaken: 8 };
const published = message({ _id: 'm2', departmentCode: 'SUPERVISION', routed: true, status: 'ANSWERED', answer, rating: 4, publication: { state: 'PUBLISHED', reviewId: 'r2', publishedAt: '2026-03-13T02:00:00.000Z' } });

describe('Who sees which public message', () => {
  it('shows the public only published answers, never the author, the staff name or the rating', () => {
    expect(viewPublicMessage(message(), anonymous, '2026-03-03')).toBeNull();
    expect(viewPublicMessage(published, anonymous, '2026-03-20')).toMatchObject({ subject: '噪声', answer: { text: '已查处', answeredBy: null }, rating: null, authorReadable: false });
  });

  it('keeps a published message that was hidden as a stub with the reason only', () => {
    const hidden = { ...published, hidden: { reason: '含他人个人信息', hiddenAt: '2026-03-14T02:00:00.000Z' } };
    expect(viewPublicMessage(hidden, anonymous, '2026-03-20')).toMatchObject({ hidden: true, hiddenReason: '含他人个人信息', subject: null, text: null, answer: null });
  });

  it('gives the author only to the handling staff: the department holding it, or the office', () => {
    expect(readsAuthor(supervision, published)).toBe(true);
    expect(readsAuthor(office, published)).toBe(true);
    expect([regulations, window, auditor, anonymous].map((actor) => readsAuthor(actor, published))).toEqual([false, false, false, false]);
    expect(viewPublicMessage(published, regulations, '2026-03-20')).toMatchObject({ authorReadable: false, answer: { answeredBy: null } });
  });

  it('flags a message overdue after its due date, and keeps the flag once answered late', () => {
    expect(viewPublicMessage(message(), office, '2026-03-09')?.overdue).toBe(false);
    expect(viewPublicMessage(message(), office, '2026-03-10')?.overdue).toBe(true);
    expect(trackingView(published, '2026-03-20')).toMatchObject({ overdue: true, late: true, published: true, rating: 4 });
  });

  it('lists for each reader what that reader may see', async () => {
    const store = new InMemoryReadStore();
    const messages = store.collection<PublicMessageDocument>('messages');
    const escalated = message({ _id: 'm3', departmentCode: 'SUPERVISION', routed: true, escalation: { escalatedOn: '2026-03-10', escalatedTo: 'OFFICE', departmentCode: 'SUPERVISION' } });
    const county = message({ _id: 'm4', agencyCode: '445381' });
    for (const doc of [message(), published, escalated, county]) await messages.replaceOne({ _id: doc._id }, doc, { upsert: true });
    const ids = async (filter: Record<string, unknown>) => (await messages.find(filter, { sort: { _id: 1 } })).map((m) => m._id);
    expect(await ids(messageListFilter(anonymous, {}))).toEqual(['m2']);
    expect(await ids(messageListFilter(supervision, {}))).toEqual(['m2', 'm3']);
    expect(await ids(messageListFilter(supervision, { answered: false }))).toEqual(['m3']);
    expect(await ids(messageListFilter(regulations, {}))).toEqual([]);
    expect(await ids(messageListFilter(window, {}))).toEqual(['m1']);
    expect(await ids(messageListFilter(countyWindow, {}))).toEqual(['m4']);
    expect(await ids(messageListFilter(office, { kind: 'INQUIRY' }))).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(await ids(escalatedListFilter(office))).toEqual(['m3']);
    expect(await ids(escalatedListFilter(regulations))).toEqual([]);
  });
});
