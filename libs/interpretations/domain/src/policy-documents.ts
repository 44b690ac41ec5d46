import { requireLocalDate } from '@gongkai/calendar';
import { conflict, type DecideContext, type LocalDate, requireAgency, requireDepartment, requireRole, requireText } from '@gongkai/kernel';
import { interpretationDueOn, interpretationDueOnIfLoaded, isOnTime } from './interpretation-deadline';
import { todayOf } from './today';
import type { PolicyDocumentCommandOf } from './policy-document-commands';
import type { InterpretationRecord, PolicyDocumentEvent, PolicyDocumentState } from './policy-document-events';

/**
 * What the decisions context tells this one: a document exists (a draft), was published (adopted
 * or registered) or was withdrawn. Only process managers say so; the drafting departments cannot.
 */
export const notePolicyDocument = (command: PolicyDocumentCommandOf<'NotePolicyDocument'>, state: PolicyDocumentState, context: DecideContext): PolicyDocumentEvent[] => {
  requireRole(context.actor, 'system');
  const { documentId } = command.data;
  const departmentCode = requireDepartment('departmentCode', command.data.departmentCode);
  const title = requireText('title', command.data.title, { max: 200 });
  if (state.status === 'NONE') {
    const agencyCode = requireAgency('agencyCode', command.data.agencyCode);
    return [{ type: 'PolicyDocumentNoted', data: { documentId, agencyCode, departmentCode, title } }];
  }
  // Once published or withdrawn the document is what it was then; a repeated note changes nothing.
  if (state.status !== 'KNOWN' || (state.departmentCode === departmentCode && state.title === title)) return [];
  return [{ type: 'PolicyDocumentNoted', data: { documentId, agencyCode: state.agencyCode, departmentCode, title } }];
};

/** Interpretations the reviewer approved before the document go out with it (原则上与政策文件同步发布). */
const publishedWithDocument = (documentId: string, interpretations: readonly InterpretationRecord[], dueOnOf: () => LocalDate, context: DecideContext): PolicyDocumentEvent[] => {
  const today = todayOf(context);
  const approved = interpretations.filter((r) => r.status === 'APPROVED' && r.review);
  // Only an interpretation going out now needs the due day, to say whether it is on time.
  if (approved.length === 0) return [];
  const dueOn = dueOnOf();
  return approved.flatMap((r) =>
    r.review
      ? [
          {
            type: 'InterpretationPublished' as const,
            data: {
              documentId,
              interpretationId: r.interpretationId,
              version: r.version,
              contentHash: r.review.contentHash,
              reviewId: r.review.reviewId,
              publishedAt: context.now.toISOString(),
              publishedOn: today,
              interpretationDueOn: dueOn,
              onTime: isOnTime(today, dueOn),
            },
          },
        ]
      : [],
  );
};

/**
 * The document is out: the 3-working-day clock starts from its publication day. Interpretations the
 * reviewer approved before are published with it, and a document published with no
 * interpretation submitted says so in its own event, so it is flagged at that moment.
 */
export const recordPublication = (
  command: PolicyDocumentCommandOf<'RecordPolicyDocumentPublication'>,
  state: PolicyDocumentState,
  context: DecideContext,
): PolicyDocumentEvent[] => {
  requireRole(context.actor, 'system');
  // An adopted policy is also registered as a normative document: the second report is the same publication.
  if (state.status === 'PUBLISHED') return [];
  if (state.status === 'WITHDRAWN') throw conflict('DOCUMENT_WITHDRAWN', `Policy document ${state.documentId} was withdrawn and cannot be published.`);
  const { documentId } = command.data;
  const agencyCode = state.status === 'NONE' ? requireAgency('agencyCode', command.data.agencyCode) : state.agencyCode;
  // An adopted decision that is not a policy names no department: it is the one that drafted it.
  const departmentCode = requireDepartment('departmentCode', command.data.departmentCode || (state.status === 'NONE' ? null : state.departmentCode));
  const title = requireText('title', command.data.title, { max: 200 });
  const documentNumber = requireText('documentNumber', command.data.documentNumber, { max: 50, optional: true });
  const publishedOn = requireLocalDate('publishedOn', command.data.publishedOn);
  const dueOn = interpretationDueOnIfLoaded(context.calendar, publishedOn);
  const interpretations = state.status === 'NONE' ? [] : [...state.interpretations.values()];
  const interpretationSubmitted = interpretations.some((r) => r.status !== 'DRAFT');
  const published: PolicyDocumentEvent = {
    type: 'PolicyDocumentPublished',
    data: { documentId, agencyCode, departmentCode, title, documentNumber, publishedOn, interpretationDueOn: dueOn, interpretationSubmitted },
  };
  // An approved interpretation going out with it needs the due day after all: without the year, the report waits (parked, replayable once the year is loaded).
  return [published, ...publishedWithDocument(documentId, interpretations, () => dueOn ?? interpretationDueOn(context.calendar, publishedOn), context)];
};

/** A withdrawn draft is never published: the reviews of its interpretations are withdrawn with it. */
export const recordWithdrawal = (command: PolicyDocumentCommandOf<'RecordPolicyDocumentWithdrawal'>, state: PolicyDocumentState, context: DecideContext): PolicyDocumentEvent[] => {
  requireRole(context.actor, 'system');
  if (state.status !== 'KNOWN') return []; // unknown here, already withdrawn, or already out (adopted decisions are final)
  const reason = requireText('reason', command.data.reason, { max: 2000 });
  const withdrawals: PolicyDocumentEvent[] = [...state.interpretations.values()].flatMap((r) =>
    r.review
      ? [{ type: 'InterpretationReviewWithdrawn' as const, data: { documentId: state.documentId, interpretationId: r.interpretationId, reason, withdrawnReviewId: r.review.reviewId } }]
      : [],
  );
  return [{ type: 'PolicyDocumentWithdrawn', data: { documentId: state.documentId, reason, withdrawnAt: context.now.toISOString() } }, ...withdrawals];
};
