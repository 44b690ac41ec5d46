import { localDateOf } from '@gongkai/calendar';
import { CONTEXTS } from '@gongkai/contracts';
import {
  isFromContext,
  type NormativeDocumentRegisteredContract,
  type NormativeDocumentRepealedContract,
  type RequestAnsweredContract,
  type RequestAppealContract,
  type RequestFeeNoticeContract,
  type RequestFeePaidContract,
  type RequestReceivedContract,
  SOURCE_EVENT_TYPES,
  type SupervisionCorrectionContract,
  type SupervisionDisclosureContract,
  type SupervisionImportCompletedContract,
  type SupervisionRevocationContract,
  type SourceEvent,
} from './source-events';
import { amountFenOf, type DecisionFigure, decisionFigureOf } from './proactive-figures';

/**
 * The facts the annual report is computed from, folded out of other contexts' events: one fact per
 * information request, normative document, supervision record and bulk import, each remembering
 * the ids of the events it came from, so that every figure of the report can name the events behind it.
 */
export interface AppealRecord {
  readonly kind: string;
  readonly result: string;
  readonly decidedOn: string | null;
  /** The day the record was made: a pending appeal counts as pending from then on. */
  readonly recordedOn: string;
  readonly eventId: string;
}

export interface RequestFact {
  readonly requestId: string;
  readonly agencyCode: string;
  readonly applicantType: string;
  readonly receivedOn: string;
  readonly receivedEventId: string;
  readonly answer: { readonly outcome: string; readonly answeredOn: string; readonly eventId: string } | null;
  readonly appeals: readonly AppealRecord[];
  /** The processing fee of the latest notice, and its payment. */
  readonly fee: RequestFeeFact | null;
}

export interface RequestFeeFact {
  readonly amountFen: number;
  readonly noticeEventId: string;
  readonly paid: { readonly paidOn: string; readonly eventId: string } | null;
}

export interface NormativeDocumentFact {
  readonly documentId: string;
  readonly agencyCode: string;
  readonly number: string;
  readonly title: string;
  readonly issuedOn: string;
  readonly validUntil: string;
  readonly registeredEventId: string;
  readonly repeal: { readonly repealedOn: string; readonly eventId: string } | null;
}

/** A supervision record the report counts: a decision of a category, and for a fee its amount. */
export interface SupervisionDecisionFact {
  readonly disclosureId: string;
  readonly agencyCode: string;
  readonly category: string;
  readonly formedOn: string;
  /** The figure of section 二 it counts in, by its latest details; null when it counts in none. */
  readonly figure: DecisionFigure | null;
  /** amountFen of its latest details, null when they name none. */
  readonly amountFen: number | null;
  /** Set for a row of a bulk import. */
  readonly importId: string | null;
  readonly eventIds: readonly string[];
  readonly revokedOn: string | null;
}

/** A bulk import of supervision records whose every row is written. */
export interface CompletedImportFact {
  readonly importId: string;
  readonly eventId: string;
}

export type ReportFactChange =
  | { readonly kind: 'request'; readonly key: string; readonly apply: (fact: RequestFact | undefined) => RequestFact | undefined }
  | { readonly kind: 'document'; readonly key: string; readonly apply: (fact: NormativeDocumentFact | undefined) => NormativeDocumentFact | undefined }
  | { readonly kind: 'decision'; readonly key: string; readonly apply: (fact: SupervisionDecisionFact | undefined) => SupervisionDecisionFact | undefined }
  | { readonly kind: 'import'; readonly key: string; readonly apply: (fact: CompletedImportFact | undefined) => CompletedImportFact | undefined };

const requestChange = (event: SourceEvent): ReportFactChange | undefined => {
  switch (event.type) {
    case SOURCE_EVENT_TYPES.requestReceived: {
      const data = event.data as RequestReceivedContract;
      const fact: RequestFact = {
        requestId: data.requestId,
        agencyCode: data.agencyCode,
        applicantType: data.applicantType,
        receivedOn: data.receivedOn,
        receivedEventId: event.id,
        answer: null,
        appeals: [],
        fee: null,
      };
      return { kind: 'request', key: data.requestId, apply: (existing) => existing ?? fact };
    }
    case SOURCE_EVENT_TYPES.requestAnswered: {
      const data = event.data as RequestAnsweredContract;
      const answer = { outcome: data.outcome, answeredOn: data.answeredOn, eventId: event.id };
      return { kind: 'request', key: data.requestId, apply: (fact) => fact && { ...fact, answer } };
    }
    case SOURCE_EVENT_TYPES.requestAppeal: {
      const data = event.data as RequestAppealContract;
      const record: AppealRecord = { kind: data.kind, result: data.result, decidedOn: data.decidedOn, recordedOn: localDateOf(new Date(event.occurredAt)), eventId: event.id };
      return { kind: 'request', key: data.requestId, apply: (fact) => fact && (fact.appeals.some((a) => a.eventId === event.id) ? fact : { ...fact, appeals: [...fact.appeals, record] }) };
    }
    case SOURCE_EVENT_TYPES.feeNoticeIssued: {
      const data = event.data as RequestFeeNoticeContract;
      return { kind: 'request', key: data.requestId, apply: (fact) => fact && { ...fact, fee: { amountFen: data.amountFen, noticeEventId: event.id, paid: null } } };
    }
    case SOURCE_EVENT_TYPES.feePaid: {
      const data = event.data as RequestFeePaidContract;
      return { kind: 'request', key: data.requestId, apply: (fact) => (fact?.fee ? { ...fact, fee: { ...fact.fee, paid: { paidOn: data.paidOn, eventId: event.id } } } : fact) };
    }
    default:
      return undefined;
  }
};

const documentChange = (event: SourceEvent): ReportFactChange | undefined => {
  switch (event.type) {
    case SOURCE_EVENT_TYPES.documentRegistered: {
      const data = event.data as NormativeDocumentRegisteredContract;
      const { number, title, issuedOn, validUntil } = data.document;
      const fact: NormativeDocumentFact = { documentId: data.documentId, agencyCode: data.agencyCode, number, title, issuedOn, validUntil, registeredEventId: event.id, repeal: null };
      return { kind: 'document', key: `${data.agencyCode}:${data.documentId}`, apply: (existing) => existing ?? fact };
    }
    case SOURCE_EVENT_TYPES.documentRepealed: {
      const data = event.data as NormativeDocumentRepealedContract;
      return { kind: 'document', key: `${data.agencyCode}:${data.documentId}`, apply: (fact) => fact && { ...fact, repeal: { repealedOn: data.repealedOn, eventId: event.id } } };
    }
    default:
      return undefined;
  }
};

const decisionChange = (event: SourceEvent): ReportFactChange | undefined => {
  switch (event.type) {
    case SOURCE_EVENT_TYPES.disclosureRecorded:
    case SOURCE_EVENT_TYPES.disclosureImported: {
      const data = event.data as SupervisionDisclosureContract;
      const fact: SupervisionDecisionFact = {
        disclosureId: data.disclosureId,
        agencyCode: data.agencyCode,
        category: data.category,
        formedOn: data.formedOn,
        figure: decisionFigureOf(data.category, data.details),
        amountFen: amountFenOf(data.details),
        importId: data.importId ?? null,
        eventIds: [event.id],
        revokedOn: null,
      };
      return { kind: 'decision', key: data.disclosureId, apply: (existing) => existing ?? fact };
    }
    case SOURCE_EVENT_TYPES.disclosureCorrected: {
      const data = event.data as SupervisionCorrectionContract;
      return {
        kind: 'decision',
        key: data.disclosureId,
        apply: (fact) =>
          fact && (fact.eventIds.includes(event.id) ? fact : { ...fact, figure: decisionFigureOf(fact.category, data.details), amountFen: amountFenOf(data.details), eventIds: [...fact.eventIds, event.id] }),
      };
    }
    case SOURCE_EVENT_TYPES.disclosureRevoked: {
      const data = event.data as SupervisionRevocationContract;
      return { kind: 'decision', key: data.disclosureId, apply: (fact) => fact && (fact.eventIds.includes(event.id) ? fact : { ...fact, revokedOn: data.revokedOn, eventIds: [...fact.eventIds, event.id] }) };
    }
    case SOURCE_EVENT_TYPES.disclosureImportCompleted: {
      const data = event.data as SupervisionImportCompletedContract;
      return { kind: 'import', key: data.importId, apply: (existing) => existing ?? { importId: data.importId, eventId: event.id } };
    }
    default:
      return undefined;
  }
};

/** What one event changes among the facts, or undefined when the report does not read it. */
export const reportFactChange = (event: SourceEvent): ReportFactChange | undefined => {
  if (isFromContext(event, CONTEXTS.requests)) return requestChange(event);
  if (isFromContext(event, CONTEXTS.decisions)) return documentChange(event);
  if (isFromContext(event, CONTEXTS.supervision)) return decisionChange(event);
  return undefined;
};

/** The event types the report reads, for a projection's `handles`. */
export const REPORT_SOURCE_EVENT_TYPES: readonly string[] = Object.values(SOURCE_EVENT_TYPES);

export interface ReportFacts {
  readonly requests: readonly RequestFact[];
  readonly documents: readonly NormativeDocumentFact[];
  readonly decisions: readonly SupervisionDecisionFact[];
  /** The completed imports among those the decisions' rows came from. */
  readonly completedImports: readonly CompletedImportFact[];
}

/** The facts of a whole history, in the order the events happened: the projection does the same event by event. */
export const foldReportFacts = (events: Iterable<SourceEvent>): ReportFacts => {
  const facts = { request: new Map<string, unknown>(), document: new Map<string, unknown>(), decision: new Map<string, unknown>(), import: new Map<string, unknown>() };
  for (const event of events) {
    const change = reportFactChange(event);
    if (!change) continue;
    // Each kind's `apply` takes and gives facts of its own kind; each map holds exactly those.
    const apply = change.apply as (fact: unknown) => unknown;
    const next = apply(facts[change.kind].get(change.key));
    if (next) facts[change.kind].set(change.key, next);
  }
  return {
    requests: [...facts.request.values()] as RequestFact[],
    documents: [...facts.document.values()] as NormativeDocumentFact[],
    decisions: [...facts.decision.values()] as SupervisionDecisionFact[],
    completedImports: [...facts.import.values()] as CompletedImportFact[],
  };
};
