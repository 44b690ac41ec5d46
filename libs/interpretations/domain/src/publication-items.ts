/**
 * The kinds of item this context sends through the publication review gate (先审查、后公开, 一事一审):
 * each is published only in the version a reviewer approved.
 */
export const INTERPRETATION_PUBLICATION_ITEM_TYPES = {
  /** Interpretation material of a policy document (政策解读). */
  interpretation: 'POLICY_INTERPRETATION',
  /** The record of one response to a public-opinion case (舆情回应). */
  opinionResponse: 'OPINION_RESPONSE',
} as const;
