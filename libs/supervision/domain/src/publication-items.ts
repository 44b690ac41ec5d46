/**
 * The kinds of item the supervision context sends through the publication review gate
 * (先审查、后公开, 一事一审): each is published only in the version a reviewer approved.
 */
export const SUPERVISION_PUBLICATION_ITEM_TYPES = {
  /** One version of one disclosure record. */
  disclosure: 'DISCLOSURE_RECORD',
  /** A bulk import, reviewed as one item: every row exactly as imported. */
  disclosureImport: 'DISCLOSURE_IMPORT',
  /** One change of an enterprise's entries in the registers: blacklist entry or exit, key monitored listing. */
  enterpriseRegisterChange: 'ENTERPRISE_REGISTER_CHANGE',
} as const;
