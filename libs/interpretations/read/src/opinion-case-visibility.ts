import { isPressConferenceOverdue, type Severity } from '@gongkai/interpretations/domain';
import type { Actor } from '@gongkai/kernel';
import type { Filter } from '@gongkai/read-store';
import { internalAgencyFilter } from './bureau-readers';
import type { OpinionCaseDocument } from './opinion-case-documents';

/** Cases are the bureau's: the agencies in the reader's scope, by severity if asked. */
export const opinionCasesFilter = (actor: Actor, severity: Severity | null | undefined): Filter => ({ ...internalAgencyFilter(actor), ...(severity ? { severity } : {}) });

export interface OpinionCaseView extends OpinionCaseDocument {
  readonly overdue: boolean;
}

/** The overdue flag is judged at `now`, so no job has to raise it. */
export const viewOpinionCase = (opinionCase: OpinionCaseDocument, now: Date): OpinionCaseView => ({ ...opinionCase, overdue: isPressConferenceOverdue(opinionCase, now) });

/** The public list: responses the review gate let out, nothing else of the case. */
export const publishedResponsesFilter = (caseId: string | null | undefined): Filter => ({ publishedAt: { $ne: null }, ...(caseId ? { caseId } : {}) });
