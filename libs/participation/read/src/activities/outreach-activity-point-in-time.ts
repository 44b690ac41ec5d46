import { type Filter, publicAtFilter, versionInForce } from '@gongkai/read-store';
import type { OutreachActivityDocument } from './outreach-activity-document';
import { type ActivityDateRange, between, type OutreachActivityView, publicActivityView } from './outreach-activity-visibility';

/**
 * The activity as the public saw it at `at` (point in time): the announcement or outcome record
 * then published, or null before its first publication. Whoever asks gets the public's view.
 */
export const viewOutreachActivityAsOf = (activity: OutreachActivityDocument, at: string): OutreachActivityView | null => {
  const period = versionInForce(activity.publicationHistory, at);
  return period ? publicActivityView(activity, period.content) : null;
};

/** The public list at `at`: the activities published by then, by the date they were published with. */
export const activitiesFilterAsOf = (range: ActivityDateRange, at: string): Filter => {
  const dates = between(range);
  return publicAtFilter('publicationHistory', at, dates ? { 'details.date': dates } : {});
};
