import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addCalendarDays, isLocalDate, localDateOf } from '@gongkai/calendar';
import { clockShiftEnv, eventually, graphql, loginAs, type PlatformProcess, startPlatformProcess } from '@gongkai/testing';

jest.setTimeout(120_000);

/**
 * Decisions (决策公开) end to end, as a portal and the bureau's staff use them: draft → review →
 * open → public comments (one hidden) → close → dispose → feedback published → adopt → the
 * normative document in force → it expires on the right day by asOf.
 *
 * A consultation closes by the calendar, not by a job, so the second half runs the same data in a
 * platform process whose clock is 31 days ahead: a preload shifts `Date`, the way faketime would.
 */
const DAY_MS = 86_400_000;
const SHIFT_DAYS = 31;
const today = localDateOf(new Date());
const later = addCalendarDays(today, SHIFT_DAYS);
const CONTACT = 'zhang.commenter@example.com';

/** The last day of a validity of `years` from `effectiveOn`: the day before the anniversary. */
const validUntil = (effectiveOn: string, years: number): string => {
  const year = String(Number(effectiveOn.slice(0, 4)) + years);
  const anniversary = isLocalDate(`${year}${effectiveOn.slice(4)}`) ? `${year}${effectiveOn.slice(4)}` : addCalendarDays(`${year}-02-28`, 1);
  return addCalendarDays(anniversary, -1);
};

const CONSULTATION_FIELDS = `id title status opensOn closesOn days channels shortPeriodReason published commentCount hiddenCount
  draft { title body version }
  comments { id content authorName contact submittedAt hidden hiddenReason disposition dispositionReason }
  feedback { status totalComments hiddenComments counts { disposition comments } groups { disposition reason commentIds } publishedAt }`;
const DRAFT_FIELDS = `id title kind version status normativeDocumentId consultation { id status published pendingReviewId }
  adoption { documentNumber adoptedOn effectiveOn approvedBy }`;
const CREATE = `mutation($input: DecisionDraftInput!) { createDecisionDraft(input: $input) { ${DRAFT_FIELDS} } }`;
const REQUEST = `mutation($id: ID!, $v: Int!, $opensOn: Date!, $closesOn: Date!, $channels: [Channel!]!, $reason: String) {
  requestConsultation(id: $id, expectedVersion: $v, opensOn: $opensOn, closesOn: $closesOn, channels: $channels, shortPeriodReason: $reason) { ${DRAFT_FIELDS} } }`;
const DRAFT = `query($id: ID!) { decisionDraft(id: $id) { ${DRAFT_FIELDS} } }`;
const REVISE = `mutation($id: ID!, $v: Int!, $input: DecisionDraftInput!, $summary: String!) {
  reviseDecisionDraft(id: $id, expectedVersion: $v, input: $input, changeSummary: $summary) { ${DRAFT_FIELDS} revisions { version changeSummary } } }`;
const WITHDRAW = `mutation($id: ID!, $reason: String!) { withdrawDecision(id: $id, reason: $reason) { id status withdrawal { reason } } }`;
const CONSULTATION = `query($id: ID!) { consultation(id: $id) { ${CONSULTATION_FIELDS} } }`;
const CONSULTATIONS = `query($status: ConsultationStatus) { consultations(status: $status) { id status draft { title } } }`;
const COMMENT = `mutation($id: ID!, $content: String!, $name: String, $contact: String) {
  submitConsultationComment(consultationId: $id, content: $content, authorName: $name, contact: $contact) { id content authorName contact hidden } }`;
const HIDE = `mutation($id: ID!, $reason: String!) { hideConsultationComment(commentId: $id, reason: $reason) { id hidden hiddenReason } }`;
const DISPOSE = `mutation($id: ID!, $ids: [ID!]!, $d: Disposition!, $reason: String!) {
  disposeConsultationComments(consultationId: $id, commentIds: $ids, disposition: $d, reason: $reason) { id } }`;
const REQUEST_FEEDBACK = `mutation($id: ID!) { requestFeedbackPublication(consultationId: $id) { feedback { status totalComments } } }`;
const ADOPT = `mutation($id: ID!, $input: AdoptionInput!) { adoptDecision(id: $id, input: $input) { ${DRAFT_FIELDS} } }`;
const DOCUMENT = `query($id: ID!, $asOf: Date) { normativeDocument(id: $id, asOf: $asOf) { id number title status validityYears validUntil effectiveOn decisionDraftId } }`;
const DOCUMENTS = `query($status: DocumentStatus, $asOf: Date, $search: String) {
  normativeDocuments(status: $status, asOf: $asOf, search: $search, first: 10) { totalCount edges { node { id status } } } }`;
const REVIEWS = `query { publicationReviews(status: PENDING) { id itemType itemId itemVersion } }`;
const APPROVE = `mutation($id: ID!) { approvePublicationReview(id: $id) { id status } }`;

const draftInput = (title: string) => ({
  title,
  kind: 'POLICY',
  body: '第一条 为防治扬尘污染，改善大气环境质量，制定本办法。',
  departmentCode: 'REGULATIONS',
  explanation: '根据《中华人民共和国大气污染防治法》起草，现公开征求意见。',
});

interface Comment {
  id: string;
  content: string | null;
  authorName: string | null;
  contact: string | null;
  hidden: boolean;
  hiddenReason: string | null;
  disposition: string | null;
}
interface ConsultationResult {
  id: string;
  status: string;
  draft: { title: string; body: string; version: number } | null;
  commentCount: number;
  hiddenCount: number;
  comments: Comment[];
  feedback: { status: string; totalComments: number; hiddenComments: number; counts: { disposition: string; comments: number }[]; groups: { commentIds: string[] }[] } | null;
}
interface DraftResult {
  id: string;
  version: number;
  status: string;
  normativeDocumentId: string | null;
  consultation: { status: string; published: boolean; pendingReviewId: string | null } | null;
}

describe('Decisions, end to end through GraphQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-decisions-'));
  let platform: PlatformProcess | undefined;
  let regulations: Record<string, string>;
  let office: Record<string, string>;
  let reviewer: Record<string, string>;
  let policyId = '';
  let upcomingId = '';
  const commentIds: string[] = [];

  const url = () => platform!.baseUrl;
  const start = async (shiftDays: number) => {
    platform = await startPlatformProcess({
      dataDir,
      env: clockShiftEnv(dataDir, shiftDays * DAY_MS),
    });
    [regulations, office, reviewer] = await Promise.all([loginAs(url(), 'regulations'), loginAs(url(), 'office'), loginAs(url(), 'reviewer')]);
  };
  const consultation = async (id: string, headers: Record<string, string> = {}) => {
    const result = await graphql<{ consultation: ConsultationResult | null }>(url(), CONSULTATION, { id }, headers);
    expect(result.errors).toBeUndefined();
    return result.data!.consultation;
  };
  const approveReviewOf = async (itemType: string, itemId: string) => {
    const review = await eventually(async () => {
      const reviews = await graphql<{ publicationReviews: { id: string; itemType: string; itemId: string }[] }>(url(), REVIEWS, {}, reviewer);
      return reviews.data?.publicationReviews.find((r) => r.itemType === itemType && r.itemId === itemId);
    });
    const approved = await graphql<{ approvePublicationReview: { status: string } }>(url(), APPROVE, { id: review.id }, reviewer);
    expect(approved.data?.approvePublicationReview.status).toBe('APPROVED');
  };
  const requestConsultation = (id: string, opensOn: string, closesOn: string, reason?: string) =>
    graphql<{ requestConsultation: DraftResult }>(url(), REQUEST, { id, v: 1, opensOn, closesOn, channels: ['WEBSITE', 'WECHAT'], reason }, regulations);

  afterAll(async () => {
    await platform?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe(`today (${today}): drafting, review and the open consultation`, () => {
    beforeAll(() => start(0));
    afterAll(async () => {
      await platform?.stop();
    });

    it('keeps a draft from the public before its consultation is even requested', async () => {
      const created = await graphql<{ createDecisionDraft: DraftResult }>(url(), CREATE, { input: draftInput('云浮市扬尘污染防治管理办法（试行）') }, regulations);
      expect(created.errors).toBeUndefined();
      policyId = created.data!.createDecisionDraft.id;
      expect(created.data!.createDecisionDraft).toMatchObject({ version: 1, status: 'DRAFT', consultation: null });

      expect((await graphql<{ decisionDraft: DraftResult | null }>(url(), DRAFT, { id: policyId })).data?.decisionDraft).toBeNull();
      expect(await consultation(policyId)).toBeNull();
    });

    it('revises a draft by version and withdraws one with a reason, by the leadership only', async () => {
      const created = await graphql<{ createDecisionDraft: DraftResult }>(url(), CREATE, { input: draftInput('云浮市机动车排气污染防治办法') }, regulations);
      const id = created.data!.createDecisionDraft.id;
      const revised = await graphql<{ reviseDecisionDraft: DraftResult & { revisions: { version: number; changeSummary: string }[] } }>(
        url(),
        REVISE,
        { id, v: 1, input: { ...draftInput('云浮市机动车排气污染防治办法'), body: '第一条 （修订稿）' }, summary: '补充定义条款' },
        regulations,
      );
      expect(revised.data?.reviseDecisionDraft).toMatchObject({ version: 2, revisions: [{ version: 1 }, { version: 2, changeSummary: '补充定义条款' }] });
      const stale = await graphql(url(), REVISE, { id, v: 1, input: draftInput('过时稿'), summary: '过时' }, regulations);
      expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'STALE_VERSION' });

      expect((await graphql(url(), WITHDRAW, { id, reason: '上位法正在修订' }, regulations)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'ROLE_REQUIRED' });
      const withdrawn = await graphql<{ withdrawDecision: { status: string; withdrawal: { reason: string } } }>(url(), WITHDRAW, { id, reason: '上位法正在修订' }, office);
      expect(withdrawn.data?.withdrawDecision).toMatchObject({ status: 'WITHDRAWN', withdrawal: { reason: '上位法正在修订' } });
    });

    it.each([
      ['a period of 29 days without a reason', 28, undefined, 'CONSULTATION_PERIOD_TOO_SHORT'],
      ['a closing date before the opening date', -1, '紧急', 'CLOSES_BEFORE_OPENS'],
    ])('refuses %s with BAD_USER_INPUT naming the rule', async (_, days, reason, rule) => {
      const result = await requestConsultation(policyId, today, addCalendarDays(today, days), reason);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule });
    });

    it('opens the consultation only when the reviewer approves exactly that version', async () => {
      const requested = await requestConsultation(policyId, today, addCalendarDays(today, 29));
      expect(requested.errors).toBeUndefined();
      expect(requested.data!.requestConsultation.consultation).toMatchObject({ published: false, status: 'UPCOMING', pendingReviewId: expect.any(String) });
      expect(await consultation(policyId)).toBeNull();

      await approveReviewOf('CONSULTATION_DRAFT', policyId);
      const open = await eventually(async () => {
        const current = await consultation(policyId);
        return current?.status === 'OPEN' ? current : undefined;
      });
      expect(open.draft).toMatchObject({ title: '云浮市扬尘污染防治管理办法（试行）', version: 1 });
      const listed = await graphql<{ consultations: { id: string }[] }>(url(), CONSULTATIONS, { status: 'OPEN' });
      expect(listed.data?.consultations.map((c) => c.id)).toContain(policyId);
    });

    it('announces a consultation that opens later without showing its draft', async () => {
      const created = await graphql<{ createDecisionDraft: DraftResult }>(url(), CREATE, { input: draftInput('云浮市环境信用评价办法') }, regulations);
      upcomingId = created.data!.createDecisionDraft.id;
      expect((await requestConsultation(upcomingId, addCalendarDays(today, 3), addCalendarDays(today, 40))).errors).toBeUndefined();
      await approveReviewOf('CONSULTATION_DRAFT', upcomingId);
      const announced = await eventually(async () => {
        const current = await consultation(upcomingId);
        return current ?? undefined;
      });
      expect(announced).toMatchObject({ status: 'UPCOMING', draft: null, comments: [] });
      expect((await graphql<{ decisionDraft: DraftResult | null }>(url(), DRAFT, { id: upcomingId })).data?.decisionDraft).toBeNull();
      const upcoming = await graphql<{ consultations: { id: string; draft: unknown }[] }>(url(), CONSULTATIONS, { status: 'UPCOMING' });
      expect(upcoming.data?.consultations.find((c) => c.id === upcomingId)).toEqual({ id: upcomingId, status: 'UPCOMING', draft: null });
    });

    it('takes comments from anyone, never shows or stores the contact in plain text, and hides one with a published reason', async () => {
      const comments = [
        { content: '建议明确施工工地围挡高度不低于2.5米。', name: '张先生', contact: CONTACT },
        { content: '建议增加渣土车密闭运输的要求。' },
        { content: '广告：专业除尘设备，欢迎来电。' },
      ];
      for (const comment of comments) {
        const result = await graphql<{ submitConsultationComment: Comment }>(url(), COMMENT, { id: policyId, ...comment });
        expect(result.errors).toBeUndefined();
        expect(result.data!.submitConsultationComment.contact).toBeNull();
        commentIds.push(result.data!.submitConsultationComment.id);
      }
      const tooLong = await graphql(url(), COMMENT, { id: policyId, content: '字'.repeat(5001) });
      expect(tooLong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'TOO_LONG' });

      const anonymousHide = await graphql(url(), HIDE, { id: commentIds[2], reason: '含广告' });
      expect(anonymousHide.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const hidden = await graphql<{ hideConsultationComment: Comment }>(url(), HIDE, { id: commentIds[2], reason: '含有商业广告' }, regulations);
      expect(hidden.data?.hideConsultationComment).toMatchObject({ hidden: true, hiddenReason: '含有商业广告' });

      const publicView = (await consultation(policyId))!;
      expect(publicView).toMatchObject({ commentCount: 3, hiddenCount: 1 });
      expect(publicView.comments.map((c) => c.contact)).toEqual([null, null, null]);
      expect(publicView.comments[0]).toMatchObject({ content: comments[0].content, authorName: '张先生' });
      expect(publicView.comments[2]).toMatchObject({ content: null, hidden: true, hiddenReason: '含有商业广告' });
      const raw = await graphql(url(), CONSULTATION, { id: policyId });
      expect(JSON.stringify(raw)).not.toContain(CONTACT);

      const staffView = (await consultation(policyId, regulations))!;
      expect(staffView.comments[0].contact).toBe(CONTACT);
      expect(staffView.comments[2].content).toBe(comments[2].content);
      expect(platform!.output()).not.toContain(CONTACT);
      // Encrypted by the gateway under the comment's own key: the event store holds only ciphertext.
      const onDisk = readdirSync(dataDir).filter((file) => !file.endsWith('.cjs')).map((file) => readFileSync(join(dataDir, file)));
      expect(onDisk.length).toBeGreaterThan(0);
      expect(onDisk.some((bytes) => bytes.includes(Buffer.from(CONTACT)))).toBe(false);
    });

    it('keeps the text the public is commenting on fixed', async () => {
      const revise = await graphql(url(), REVISE, { id: policyId, v: 1, input: draftInput('云浮市扬尘污染防治管理办法（试行）'), summary: '修改' }, regulations);
      expect(revise.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'DRAFT_UNDER_CONSULTATION' });
    });

    it('disposes of comments and gives feedback only after the consultation has closed', async () => {
      const early = await graphql(url(), DISPOSE, { id: policyId, ids: commentIds.slice(0, 2), d: 'ADOPTED', reason: '已采纳' }, regulations);
      expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'CONSULTATION_NOT_CLOSED' });
      const feedback = await graphql(url(), REQUEST_FEEDBACK, { id: policyId }, regulations);
      expect(feedback.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'CONSULTATION_NOT_CLOSED' });
    });
  });

  describe(`${SHIFT_DAYS} days later (${later}): closing, feedback, adoption and the register`, () => {
    beforeAll(() => start(SHIFT_DAYS));

    it('has closed the consultation by the calendar alone, and opened the later one', async () => {
      expect((await consultation(policyId))?.status).toBe('CLOSED');
      const refused = await graphql(url(), COMMENT, { id: policyId, content: '迟到的意见' });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'COMMENT_OUTSIDE_OPEN_PERIOD' });
      expect(await consultation(upcomingId)).toMatchObject({ status: 'OPEN', draft: { title: '云浮市环境信用评价办法' } });
    });

    it('refuses feedback while a visible comment is undisposed, and never shows unpublished feedback to the public', async () => {
      const undisposed = await graphql(url(), REQUEST_FEEDBACK, { id: policyId }, regulations);
      expect(undisposed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'UNDISPOSED_COMMENTS', undisposed: 2 });

      const disposed = await graphql(url(), DISPOSE, { id: policyId, ids: commentIds.slice(0, 2), d: 'ADOPTED', reason: '已在第五条、第八条中体现' }, regulations);
      expect(disposed.errors).toBeUndefined();
      const requested = await graphql<{ requestFeedbackPublication: { feedback: { status: string; totalComments: number } } }>(url(), REQUEST_FEEDBACK, { id: policyId }, regulations);
      expect(requested.data?.requestFeedbackPublication.feedback).toEqual({ status: 'PENDING_REVIEW', totalComments: 3 });

      const beforeReview = (await consultation(policyId))!;
      expect(beforeReview.feedback).toBeNull();
      expect(beforeReview.comments.map((c) => c.disposition)).toEqual([null, null, null]);
    });

    it('publishes the reviewed feedback with counts by disposition', async () => {
      await approveReviewOf('CONSULTATION_FEEDBACK', policyId);
      const published = await eventually(async () => {
        const current = await consultation(policyId);
        return current?.feedback?.status === 'PUBLISHED' ? current : undefined;
      });
      expect(published.feedback).toMatchObject({
        totalComments: 3,
        hiddenComments: 1,
        counts: [
          { disposition: 'ADOPTED', comments: 2 },
          { disposition: 'PARTLY_ADOPTED', comments: 0 },
          { disposition: 'NOT_ADOPTED', comments: 0 },
        ],
        groups: [{ commentIds: commentIds.slice(0, 2) }],
      });
      expect(published.comments.map((c) => c.disposition)).toEqual(['ADOPTED', 'ADOPTED', null]);
    });

    it('adopts the policy, which enters the register and expires on the right day by asOf', async () => {
      const effectiveOn = addCalendarDays(later, 10);
      const input = { finalText: '第一条 为防治扬尘污染……（正式文本）', documentNumber: '云环办〔2026〕11号', effectiveOn, approvedBy: '局务会议（2026年第5次）' };
      const byStaff = await graphql(url(), ADOPT, { id: policyId, input }, regulations);
      expect(byStaff.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'ROLE_REQUIRED' });
      const adopted = await graphql<{ adoptDecision: DraftResult }>(url(), ADOPT, { id: policyId, input }, office);
      expect(adopted.errors).toBeUndefined();
      expect(adopted.data!.adoptDecision).toMatchObject({ status: 'ADOPTED', normativeDocumentId: policyId });

      const lastDay = validUntil(effectiveOn, 2); // titled 试行: valid for 2 years
      const document = await eventually(async () => (await graphql<{ normativeDocument: Record<string, unknown> | null }>(url(), DOCUMENT, { id: policyId, asOf: effectiveOn })).data?.normativeDocument);
      expect(document).toEqual({
        id: policyId,
        number: '云环办〔2026〕11号',
        title: '云浮市扬尘污染防治管理办法（试行）',
        status: 'IN_FORCE',
        validityYears: 2,
        validUntil: lastDay,
        effectiveOn,
        decisionDraftId: policyId,
      });
      const statusOn = async (asOf: string) => (await graphql<{ normativeDocument: { status: string } }>(url(), DOCUMENT, { id: policyId, asOf })).data?.normativeDocument.status;
      expect(await statusOn(lastDay)).toBe('IN_FORCE');
      expect(await statusOn(addCalendarDays(lastDay, 1))).toBe('EXPIRED');

      const listed = async (status: string, asOf: string) =>
        (await graphql<{ normativeDocuments: { edges: { node: { id: string } }[] } }>(url(), DOCUMENTS, { status, asOf, search: '扬尘污染' })).data?.normativeDocuments.edges.map((e) => e.node.id);
      expect(await listed('IN_FORCE', lastDay)).toEqual([policyId]);
      expect(await listed('EXPIRED', lastDay)).toEqual([]);
      expect(await listed('EXPIRED', addCalendarDays(lastDay, 1))).toEqual([policyId]);
    });

    it('refuses a flood of comments from one client', async () => {
      const codes: (string | undefined)[] = [];
      for (let i = 0; i < 12; i++) {
        const result = await graphql(url(), COMMENT, { id: upcomingId, content: `重复意见 ${i}` });
        codes.push(result.errors?.[0].extensions?.code);
        if (result.errors?.[0].extensions?.code === 'RATE_LIMITED') {
          expect(result.status).toBe(429);
          break;
        }
      }
      expect(codes.at(-1)).toBe('RATE_LIMITED');
      expect(codes.slice(0, -1).every((code) => code === undefined)).toBe(true);
    });
  });
});
