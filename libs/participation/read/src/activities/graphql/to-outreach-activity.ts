import { agencyRef, departmentRef } from '@gongkai/graphql';
import type { OutreachActivityView } from '../outreach-activity-visibility';
import type { OutreachActivity } from './outreach-activity.types';

export const toOutreachActivity = (view: OutreachActivityView): OutreachActivity => ({
  id: view.id,
  agency: agencyRef(view.agencyCode),
  department: departmentRef(view.details.departmentCode),
  title: view.details.title,
  date: view.details.date,
  place: view.details.place,
  organiser: view.details.organiser,
  description: view.details.description,
  participants: view.outcome?.participants ?? null,
  summary: view.outcome?.summary ?? null,
  outcomeRecordedOn: view.outcome?.recordedOn ?? null,
  version: view.version,
  publicationStatus: view.publicationStatus,
  publishedVersion: view.publishedVersion,
  publishedAt: view.publishedAt,
  pendingReviewId: view.pendingReviewId,
});
