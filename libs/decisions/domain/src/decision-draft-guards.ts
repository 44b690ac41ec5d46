import { conflict, contentHash, type DecideContext, notFound, requireAgencyScope, requireRole } from '@gongkai/kernel';
import type { ConsultationTerms } from './consultation-terms';
import type { ConsultationRecord, DecisionDraft, DecisionDraftState } from './decision-draft-events';
import type { DraftContent } from './decision-draft';

/** A draft whose consultation is known to exist. */
export type ConsultedDraft = DecisionDraft & { readonly consultation: ConsultationRecord };

export const requireDraft = (state: DecisionDraftState, draftId: string): DecisionDraft => {
  if (state.status === 'NONE') throw notFound('DECISION_DRAFT_NOT_FOUND', `There is no decision draft ${draftId}.`);
  return state;
};

// Interim Regulations on Major Administrative Decision-Making Procedures, chapter III: the decision
// is made by the leadership after collective discussion, not by the drafting department.
export const requireDecisionMaker = (context: DecideContext, agencyCode: string): void => {
  requireRole(context.actor, 'leader', 'office', 'admin');
  requireAgencyScope(context.actor, agencyCode);
};

/** Adopted and withdrawn decisions are final. */
export const requireUndecided = (draft: DecisionDraft): void => {
  if (draft.status === 'ADOPTED') throw conflict('DECISION_ADOPTED', `Decision ${draft.draftId} has been adopted and can no longer change.`);
  if (draft.status === 'WITHDRAWN') throw conflict('DECISION_WITHDRAWN', `Decision ${draft.draftId} has been withdrawn and can no longer change.`);
};

export const requireCurrentVersion = (draft: DecisionDraft, expectedVersion: number): void => {
  if (draft.version !== expectedVersion) {
    throw conflict('STALE_VERSION', `Decision draft ${draft.draftId} is at version ${draft.version}, not ${expectedVersion}: reload it and try again.`, {
      currentVersion: draft.version,
    });
  }
};

/**
 * The public learns nothing about a draft whose consultation has not been published: to them it
 * does not exist, so they get the same answer as for an unknown id.
 */
export const requirePublishedConsultation = (state: DecisionDraftState, draftId: string): ConsultedDraft => {
  if (state.status === 'NONE' || !state.consultation?.published) throw notFound('CONSULTATION_NOT_FOUND', `There is no consultation ${draftId}.`);
  return { ...state, consultation: state.consultation };
};

/** The content a reviewer approves for a consultation: the draft of one version and the terms it is consulted on. */
export const consultationContentHash = (draftId: string, draftVersion: number, content: DraftContent, terms: ConsultationTerms): string =>
  contentHash({ draftId, draftVersion, content, terms });
