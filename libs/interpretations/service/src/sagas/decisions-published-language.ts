import type { LocalDate } from '@gongkai/kernel';

/**
 * The decisions context's events as this context reads them: the few fields it relies on, declared
 * here because a context never imports another's domain. If decisions renames one, the process
 * manager's tests fail here rather than in production.
 */
export interface DraftContentSeen {
  readonly title: string;
  readonly departmentCode: string;
}

export interface DecisionDraftCreatedSeen {
  readonly draftId: string;
  readonly agencyCode: string;
  readonly content: DraftContentSeen;
}

export interface DecisionDraftRevisedSeen {
  readonly draftId: string;
  readonly content: DraftContentSeen;
}

/** 决策公布: the adoption is the decision's publication, on its adoption day. */
export interface DecisionAdoptedSeen {
  readonly draftId: string;
  readonly agencyCode: string;
  readonly adoption: { readonly title: string; readonly documentNumber: string; readonly adoptedOn: LocalDate };
  /** Present for a policy, which is also a normative document under the draft's id. */
  readonly normativeDocument?: { readonly documentId: string; readonly issuingDepartmentCode: string };
}

export interface DecisionWithdrawnSeen {
  readonly draftId: string;
  readonly reason: string;
}

/** An entry of the public register of normative documents (规范性文件目录). */
export interface NormativeDocumentRegisteredSeen {
  readonly agencyCode: string;
  readonly documentId: string;
  readonly document: { readonly number: string; readonly title: string; readonly issuingDepartmentCode: string };
}
