import type { RecordedEvent } from '@gongkai/event-sourcing';
import { type NormativeDocumentFact, REPORT_SOURCE_EVENT_TYPES, reportFactChange, type ReportFactChange, type ReportFacts, type RequestFact, type SupervisionDecisionFact } from '@gongkai/oversight/domain';
import type { Projection, ReadDocument, ReadStore } from '@gongkai/read-store';

export const REPORT_REQUEST_FACTS = 'oversight_report_request_facts';
export const REPORT_DOCUMENT_FACTS = 'oversight_report_document_facts';
export const REPORT_DECISION_FACTS = 'oversight_report_decision_facts';

type Stored<T> = T & ReadDocument;

const COLLECTIONS: Readonly<Record<ReportFactChange['kind'], string>> = { request: REPORT_REQUEST_FACTS, document: REPORT_DOCUMENT_FACTS, decision: REPORT_DECISION_FACTS };

/**
 * The annual report's facts, folded event by event out of the requests, decisions and supervision
 * contexts' events (integration contracts in @gongkai/oversight/domain), never read from their read
 * models: one document per request, normative document and supervision record.
 */
export const reportFactsProjection: Projection = {
  name: 'oversight.report-facts',
  version: 2,
  collections: Object.values(COLLECTIONS),
  indexes: Object.fromEntries(Object.values(COLLECTIONS).map((collection) => [collection, [{ keys: { agencyCode: 1 } }]])),
  handles: REPORT_SOURCE_EVENT_TYPES,

  async apply(event: RecordedEvent, store: ReadStore): Promise<void> {
    const change = reportFactChange(event);
    if (!change) return;
    // Each kind's `apply` takes and gives facts of its own kind; the collection holds exactly those.
    const apply = change.apply as (fact: object | undefined) => object | undefined;
    const facts = store.collection<Stored<object>>(COLLECTIONS[change.kind]);
    const existing = await facts.findOne({ _id: change.key });
    const next = apply(existing ?? undefined);
    if (next && next !== existing) await facts.replaceOne({ _id: change.key }, { ...next, _id: change.key }, { upsert: true });
  },
};

/** The facts of one agency, as the report computation takes them. */
export const loadReportFacts = async (store: ReadStore, agencyCode: string): Promise<ReportFacts> => {
  const [requests, documents, decisions] = await Promise.all([
    store.collection<Stored<RequestFact>>(REPORT_REQUEST_FACTS).find({ agencyCode }),
    store.collection<Stored<NormativeDocumentFact>>(REPORT_DOCUMENT_FACTS).find({ agencyCode }),
    store.collection<Stored<SupervisionDecisionFact>>(REPORT_DECISION_FACTS).find({ agencyCode }),
  ]);
  return { requests, documents, decisions };
};
