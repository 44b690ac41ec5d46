import { ANONYMOUS } from '@gongkai/kernel';
import { type Filter, publicAtFilter, textSearchPattern, versionInForce } from '@gongkai/read-store';
import type { InterpretationDocument } from './interpretation-documents';
import { type InterpretationQuery, type InterpretationView, viewInterpretation } from './interpretation-visibility';

/**
 * The interpretation as the public saw it at `at` (point in time): the version then published, with
 * the document as it was then, or null when none was published yet. Whoever asks gets the public's view.
 */
export const viewInterpretationAsOf = (item: InterpretationDocument, at: string): InterpretationView | null => {
  const period = versionInForce(item.publicationHistory, at);
  return period ? viewInterpretation({ ...item, published: period.content }, ANONYMOUS) : null;
};

/** The public list as it stood at `at`, searched in the versions published then. */
export const interpretationsFilterAsOf = (query: InterpretationQuery, at: string): Filter => {
  const search = query.search?.trim();
  const pattern = search ? { $regex: textSearchPattern(search), $options: 'i' } : undefined;
  return {
    ...(query.documentId ? { documentId: query.documentId } : {}),
    ...publicAtFilter('publicationHistory', at, {
      ...(query.departmentCode ? { 'content.departmentCode': query.departmentCode } : {}),
      ...(pattern ? { $or: [{ 'content.title': pattern }, { 'content.content': pattern }, { 'content.interpreters': pattern }, { 'document.title': pattern }] } : {}),
    }),
  };
};

/** The public responses to matters of public concern published by `at`: a response, once out, is never changed or withdrawn. */
export const publishedResponsesFilterAsOf = (caseId: string | null | undefined, at: string): Filter => ({ publishedAt: { $ne: null, $lte: at }, ...(caseId ? { caseId } : {}) });
