import type { LocalDate } from '@gongkai/calendar';
import type { DecisionStage, DraftContent } from '@gongkai/decisions/domain';
import { type Actor, seesInternals } from '@gongkai/kernel';
import type { Filter } from '@gongkai/read-store';
import { internalOrPublishedFilter } from './bureau-readers';
import { type ConsultationView, PUBLISHED_CONSULTATION, viewConsultation } from './consultation-visibility';
import type { DecisionDraftDocument, DraftRevisionEntry } from './decision-draft-document';

/** What one reader may see of a decision draft. */
export interface DecisionDraftView {
  readonly id: string;
  readonly agencyCode: string;
  readonly content: DraftContent;
  readonly version: number;
  readonly status: DecisionStage;
  readonly revisions: readonly DraftRevisionEntry[];
  readonly consultation: ConsultationView | null;
  readonly adoption: DecisionDraftDocument['adoption'];
  readonly normativeDocumentId: string | null;
  readonly withdrawal: DecisionDraftDocument['withdrawal'];
  readonly updatedAt: string;
}

/**
 * Staff see the draft as it stands; the public sees it only once its consultation has opened, and
 * then as it was consulted on, with the adoption or withdrawal that followed.
 */
export const viewDecisionDraft = (draft: DecisionDraftDocument, actor: Actor, now: Date): DecisionDraftView | null => {
  const consultation = viewConsultation(draft, actor, now);
  if (seesInternals(actor, draft.agencyCode)) {
    const { _id: id, agencyCode, content, version, status, revisions, adoption, normativeDocumentId, withdrawal, updatedAt } = draft;
    return { id, agencyCode, content, version, status, revisions, consultation, adoption, normativeDocumentId, withdrawal, updatedAt };
  }
  if (!consultation?.draft || !draft.consultation) return null;
  return {
    id: draft._id,
    agencyCode: draft.agencyCode,
    content: draft.consultation.content,
    version: draft.consultation.draftVersion,
    status: draft.status,
    revisions: [],
    consultation,
    adoption: draft.adoption,
    normativeDocumentId: draft.normativeDocumentId,
    withdrawal: draft.withdrawal,
    updatedAt: draft.updatedAt,
  };
};

/** The drafts a reader may list: staff their agencies' drafts, the public those whose consultation has opened by `today`. */
export const decisionDraftsFilter = (actor: Actor, today: LocalDate): Filter =>
  internalOrPublishedFilter(actor, { ...PUBLISHED_CONSULTATION, 'consultation.terms.opensOn': { $lte: today } });
