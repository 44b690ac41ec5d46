import { parseLocalDate } from '@gongkai/calendar';
import { requireOneOf, requireText } from '@gongkai/kernel';
import { answerLetter, DELIVERY_METHODS, redact, REQUEST_OUTCOMES, validateRedactions } from '@gongkai/requests/domain';
import type { InformationRequestDocument } from './information-request-document';

export interface LetterDraftInput {
  readonly outcome: string;
  readonly answeredOn: string;
  readonly legalBasis?: string | null;
  readonly delivery?: string | null;
  readonly content?: string | null;
  readonly redactions?: readonly { start: number; end: number; reason: string }[] | null;
  readonly publishedAt?: string | null;
  readonly holderAgency?: string | null;
}

/** The template letter for an outcome, filled from the request, for staff to edit before they answer. */
export const answerLetterDraft = (doc: InformationRequestDocument, input: LetterDraftInput): string => {
  const outcome = requireOneOf('outcome', input.outcome, REQUEST_OUTCOMES);
  const content = input.content ?? '';
  const redactions = outcome === 'PARTLY_DISCLOSED' ? validateRedactions(content, input.redactions ?? []) : [];
  return answerLetter({
    agencyCode: doc.agencyCode,
    trackingCode: doc.trackingCode,
    receivedOn: doc.receivedOn,
    description: doc.description,
    outcome,
    answeredOn: parseLocalDate(input.answeredOn, 'answeredOn'),
    legalBasis: requireText('legalBasis', input.legalBasis, { max: 2000, optional: true }),
    delivery: input.delivery ? requireOneOf('delivery', input.delivery, DELIVERY_METHODS) : doc.delivery,
    preferredForm: doc.preferredForm,
    publishedAt: requireText('publishedAt', input.publishedAt, { max: 500, optional: true }),
    holderAgency: requireText('holderAgency', input.holderAgency, { max: 200, optional: true }),
    redactionReasons: redact(content, redactions).reasons,
    ...(doc.supplement ? { supplement: { noticeOn: doc.supplement.noticeOn, dueOn: doc.supplement.dueOn } } : {}),
  });
};
