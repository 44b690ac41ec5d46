import { localDateOf } from '@gongkai/calendar';
import { conflict, type DecideContext, requireAgency, requireDepartmentScope, requireRole, requireStaffFor, requireText } from '@gongkai/kernel';
import { consultationPhaseAt } from './consultation-terms';
import { validateAdoption } from './decision-adoption';
import type { DecisionDraftCommandOf } from './decision-draft-commands';
import type { DecisionDraftEvent, DecisionDraftState } from './decision-draft-events';
import { requireCurrentVersion, requireDecisionMaker, requireDraft, requireUndecided } from './decision-draft-guards';
import { validateDraftContent } from './decision-draft';
import { validateNormativeDocument } from './normative-document';

export const createDraft = (command: DecisionDraftCommandOf<'CreateDecisionDraft'>, state: DecisionDraftState, context: DecideContext): DecisionDraftEvent[] => {
  // Who may act is settled before what they sent is examined: the public learns nothing from validation.
  requireRole(context.actor, 'staff', 'office', 'admin');
  if (state.status !== 'NONE') throw conflict('DECISION_DRAFT_EXISTS', `Decision draft ${command.data.draftId} already exists.`);
  const agencyCode = requireAgency('agencyCode', command.data.agencyCode);
  const content = validateDraftContent(command.data.content);
  requireStaffFor(context, agencyCode, content.departmentCode);
  return [{ type: 'DecisionDraftCreated', data: { draftId: command.data.draftId, agencyCode, version: 1, content } }];
};

export const reviseDraft = (command: DecisionDraftCommandOf<'ReviseDecisionDraft'>, state: DecisionDraftState, context: DecideContext): DecisionDraftEvent[] => {
  const draft = requireDraft(state, command.data.draftId);
  requireStaffFor(context, draft.agencyCode, draft.content.departmentCode);
  requireUndecided(draft);
  requireCurrentVersion(draft, command.data.expectedVersion);
  const consultation = draft.consultation;
  // The public comments on the text it was shown: that text stays put until the consultation closes.
  if (consultation?.published && consultationPhaseAt(consultation.terms, context.now) !== 'CLOSED') {
    throw conflict('DRAFT_UNDER_CONSULTATION', `Decision draft ${draft.draftId} is out for consultation until ${consultation.terms.closesOn} and cannot be revised before then.`);
  }
  const content = validateDraftContent(command.data.content);
  // Handing a draft to another department is the receiving department's act as well.
  requireDepartmentScope(context.actor, content.departmentCode);
  const changeSummary = requireText('changeSummary', command.data.changeSummary, { max: 1000 });
  const pendingReviewId = consultation && !consultation.published ? consultation.reviewId : undefined;
  return [
    {
      type: 'DecisionDraftRevised',
      data: { draftId: draft.draftId, version: draft.version + 1, content, changeSummary, ...(pendingReviewId ? { withdrawnReviewId: pendingReviewId } : {}) },
    },
  ];
};

export const adoptDecision = (command: DecisionDraftCommandOf<'AdoptDecision'>, state: DecisionDraftState, context: DecideContext): DecisionDraftEvent[] => {
  const draft = requireDraft(state, command.data.draftId);
  requireDecisionMaker(context, draft.agencyCode);
  requireUndecided(draft);
  // Interim Regulations on Major Administrative Decision-Making Procedures, Art. 15 and chapter III:
  // the public is heard, and told what was done with what it said, before the decision is made.
  if (draft.feedback.publishedVersion === undefined) {
    throw conflict('FEEDBACK_NOT_PUBLISHED', `Decision ${draft.draftId} cannot be adopted before the feedback on its consultation is published.`);
  }
  const today = localDateOf(context.now);
  const adoption = validateAdoption(command.data.adoption, draft.content.title, today);
  const isPolicy = draft.content.kind === 'POLICY';
  // An adopted policy is a normative document (规范性文件): it enters the register under its number.
  const normativeDocument = isPolicy
    ? {
        documentId: draft.draftId,
        ...validateNormativeDocument(
          {
            number: adoption.documentNumber,
            title: adoption.title,
            issuingDepartmentCode: draft.content.departmentCode,
            issuedOn: today,
            effectiveOn: adoption.effectiveOn,
            validityYears: command.data.adoption['validityYears'],
          },
          today,
        ),
      }
    : undefined;
  return [{ type: 'DecisionAdopted', data: { draftId: draft.draftId, agencyCode: draft.agencyCode, kind: draft.content.kind, adoption, ...(normativeDocument ? { normativeDocument } : {}) } }];
};

export const withdrawDecision = (command: DecisionDraftCommandOf<'WithdrawDecision'>, state: DecisionDraftState, context: DecideContext): DecisionDraftEvent[] => {
  const draft = requireDraft(state, command.data.draftId);
  requireDecisionMaker(context, draft.agencyCode);
  requireUndecided(draft);
  const reason = requireText('reason', command.data.reason, { max: 2000 });
  const pendingReviewId = draft.consultation && !draft.consultation.published ? draft.consultation.reviewId : draft.feedback.pending?.reviewId;
  return [
    {
      type: 'DecisionWithdrawn',
      data: { draftId: draft.draftId, reason, withdrawnAt: context.now.toISOString(), ...(pendingReviewId ? { withdrawnReviewId: pendingReviewId } : {}) },
    },
  ];
};
