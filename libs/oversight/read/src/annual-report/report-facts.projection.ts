import type { RecordedEvent } from '@gongkai/event-sourcing';
import { type CompletedImportFact, type NormativeDocumentFact, REPORT_SOURCE_EVENT_TYPES, reportFactChange, type ReportFactChange, type ReportFacts, type RequestFact, type SupervisionDecisionFact } from '@gongkai/oversight/domain';
import type { Projection, ReadDocument, ReadStore } from '@gongkai/read-store';

export const REPORT_REQUEST_FACTS = 'oversight_report_request_facts';
export const REPORT_DOCUMENT_FACTS = 'oversight_report_document_facts';
export const REPORT_DECISION_FACTS = 'oversight_report_decision_facts';
export const REPORT_IMPORT_FACTS = 'oversight_report_import_facts';

type Stored<T> = T & ReadDocument;

const COLLECTIONS: Readonly<Record<ReportFactChange['kind'], string>> = {
  request: REPORT_REQUEST_FACTS,
  document: REPORT_DOCUMENT_FACTS,
  decision: REPORT_DECISION_FACTS,
  import: REPORT_IMPORT_FACTS,
};
const BY_AGENCY = [REPORT_REQUEST_FACTS, REPORT_DOCUMENT_FACTS, REPORT_DECISION_FACTS];

/**
 * The annual report's facts, folded event by event out of the requests, decisions and supervision
 * contexts' events (integration contracts in @gongkai/oversight/domain), never read from their read
 * models: one document per request, normative document, supervision record and completed import.
 */
export const reportFactsProjection: Projection = {
  name: 'oversight.report-facts',
  version: 3,
  collections: Object.values(COLLECTIONS),
  indexes: Object.fromEntries(BY_AGENCY.map((collection) => [collection, [{ keys: { agencyCode: 1 } }]])),
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
  const importIds = [...new Set(decisions.flatMap((decision) => (decision.importId ? [decision.importId] : [])))];
  const completedImports = importIds.length ? await store.collection<Stored<CompletedImportFact>>(REPORT_IMPORT_FACTS).find({ _id: { $in: importIds } }) : [];
  return { requests, documents, decisions, completedImports };
};
