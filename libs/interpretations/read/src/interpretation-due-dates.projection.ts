import { WORKING_DAY_CALENDAR_EVENT_TYPES } from '@gongkai/contracts';
import { interpretationDueOnIfLoaded } from '@gongkai/interpretations/domain';
import type { WorkingDayCalendar } from '@gongkai/kernel';
import type { Projection, ReadStore } from '@gongkai/read-store';
import { POLICY_DOCUMENTS, type PolicyDocumentDocument } from './interpretation-documents';

/**
 * Due days of interpretations the domain could not work out when the document came out, because
 * the year they fall in had no calendar loaded: filled in when an administrator loads it, on the
 * process's live calendar (which has the year before this sees the event). The documents belong to
 * the policy-interpretations read model; this one only completes them.
 */
export const interpretationDueDatesProjection = (calendar: WorkingDayCalendar): Projection => ({
  name: 'interpretations.due-dates-on-calendar',
  version: 1,
  collections: [],
  indexes: {},
  handles: WORKING_DAY_CALENDAR_EVENT_TYPES,

  async apply(_event, store: ReadStore): Promise<void> {
    const documents = store.collection<PolicyDocumentDocument>(POLICY_DOCUMENTS);
    for (const doc of await documents.find({ stage: 'PUBLISHED', interpretationDueOn: null })) {
      const dueOn = doc.publishedOn ? interpretationDueOnIfLoaded(calendar, doc.publishedOn) : null;
      if (dueOn) await documents.updateOne({ _id: doc._id }, { $set: { interpretationDueOn: dueOn } });
    }
  },
});
