import { agencyRef, departmentRef } from '@gongkai/graphql';
import type { PublicMessageDocument } from '../public-message-document';
import type { MessageTrackingView, PublicMessageView } from '../public-message-visibility';
import type { MessageFigures, MessageStatistics } from '../public-message-statistics';
import type { MessageFiguresRow, PublicMessageStatistics } from './message-oversight.types';
import type { PublicMessage, PublicMessageTracking } from './public-message.types';

export const toPublicMessage = (view: PublicMessageView, doc: PublicMessageDocument): PublicMessage => {
  const { agencyCode, departmentCode, escalatedOn, ...rest } = view;
  return {
    ...rest,
    agency: agencyRef(agencyCode),
    department: departmentRef(departmentCode),
    escalated: escalatedOn !== null,
    escalatedOn,
    answer: view.answer ? { ...view.answer } : null,
    // Only handed on to the author field, and only when this reader may open it.
    sealedAuthor: view.authorReadable ? doc.author : null,
  };
};

export const toPublicMessageTracking = (view: MessageTrackingView): PublicMessageTracking => {
  const { agencyCode, departmentCode, ...rest } = view;
  return { ...rest, agency: agencyRef(agencyCode), department: departmentRef(departmentCode) };
};

const row = (figures: MessageFigures, keys: Partial<Pick<MessageFiguresRow, 'kind' | 'department'>>): MessageFiguresRow => ({ kind: null, department: null, ...figures, ...keys });

export const toPublicMessageStatistics = (statistics: MessageStatistics): PublicMessageStatistics => ({
  year: statistics.year,
  total: row(statistics.total, {}),
  byKind: statistics.byKind.map(({ kind, ...figures }) => row(figures, { kind })),
  byDepartment: statistics.byDepartment.map(({ departmentCode, ...figures }) => row(figures, { department: departmentRef(departmentCode) })),
  ratingDistribution: statistics.ratingDistribution.map((r) => ({ ...r })),
});
