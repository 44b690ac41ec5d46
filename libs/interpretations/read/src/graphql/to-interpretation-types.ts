import { agencyRef, departmentRef } from '@gongkai/graphql';
import type { InterpretationView } from '../interpretation-visibility';
import type { ObligationView } from '../obligation-queries';
import type { Interpretation, InterpretationObligation } from './interpretation.types';

export const toInterpretation = (view: InterpretationView): Interpretation => ({
  id: view.id,
  documentId: view.documentId,
  document: view.document ? { id: view.documentId, title: view.document.title, documentNumber: view.document.documentNumber } : null,
  agency: agencyRef(view.agencyCode),
  department: departmentRef(view.content.departmentCode),
  form: view.content.form,
  title: view.content.title,
  content: view.content.content,
  mediaUrl: view.content.mediaUrl,
  interpreters: [...view.content.interpreters],
  version: view.version,
  status: view.status,
  publishedVersion: view.publishedVersion,
  publishedAt: view.publishedAt,
  publishedOn: view.publishedOn,
  contentHash: view.contentHash,
  pendingReviewId: view.pendingReviewId,
  interpretationDueOn: view.interpretationDueOn,
  onTime: view.onTime,
  updatedAt: view.updatedAt,
});

export const toObligation = (view: ObligationView): InterpretationObligation => ({
  documentId: view.documentId,
  documentTitle: view.documentTitle,
  documentNumber: view.documentNumber,
  agency: agencyRef(view.agencyCode),
  department: departmentRef(view.departmentCode),
  publishedOn: view.publishedOn,
  interpretationDueOn: view.interpretationDueOn,
  status: view.status,
  clockProblem: view.clockProblem,
  missingAtPublication: view.missingAtPublication,
  metOn: view.metOn,
  interpretationCount: view.interpretationCount,
});
