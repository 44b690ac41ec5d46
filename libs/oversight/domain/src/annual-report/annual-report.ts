import { REPORT_APPEAL_KINDS, REPORT_APPEAL_RESULTS, REPORT_APPLICANT_TYPES, REPORT_OUTCOMES, type ReportAppealKind } from './report-vocabulary';
import type { AnnualReport, AppealRow, ApplicationsRow } from './annual-report-shape';
import type { AppealRecord, NormativeDocumentFact, ReportFacts, RequestFact, SupervisionDecisionFact } from './report-facts';

export type { AnnualReport, AppealRow, ApplicationsRow, OutcomeCount, ProactiveDisclosure } from './annual-report-shape';

/** The total column of the applications table (总计). */
export const TOTAL_ROW = 'TOTAL';

export const annualReportDueOn = (year: number): string => `${year + 1}-01-31`;

/** Counts (and sums) with their evidence: every increment names the events it rests on. */
class Tally {
  readonly evidence: Record<string, string[]> = {};
  private readonly sums: Record<string, number> = {};
  add(key: string, ...eventIds: string[]): void {
    (this.evidence[key] ??= []).push(...eventIds);
  }
  addAmount(key: string, amount: number, eventIds: readonly string[]): void {
    this.sums[key] = (this.sums[key] ?? 0) + amount;
    this.add(key, ...eventIds);
  }
  count(key: string): number {
    return this.evidence[key]?.length ?? 0;
  }
  sum(key: string): number {
    return this.sums[key] ?? 0;
  }
}

const yearOf = (date: string): number => Number(date.slice(0, 4));

/**
 * One request in the applications table of `year` (the template's balancing identity: new + carried
 * over from last year = processed + carried over to next year):
 * - new this year: received in the year;
 * - carried over from last year: received earlier and not answered by the end of the previous year;
 * - processed: answered in the year, under its outcome (a request counts in the year its answer falls in);
 * - carried over to next year: received by the end of the year and not answered by then.
 */
const tallyRequest = (tally: Tally, row: string, request: RequestFact, year: number): void => {
  const received = yearOf(request.receivedOn);
  const answered = request.answer ? yearOf(request.answer.answeredOn) : undefined;
  const id = request.receivedEventId;
  for (const key of [row, TOTAL_ROW]) {
    if (received === year) tally.add(`applications.${key}.newThisYear`, id);
    if (received < year && (answered === undefined || answered >= year)) tally.add(`applications.${key}.carriedOverFromLastYear`, id);
    if (answered === year && request.answer) {
      tally.add(`applications.${key}.outcomes.${request.answer.outcome}`, request.answer.eventId);
      tally.add(`applications.${key}.totalProcessed`, request.answer.eventId);
    }
    if (received <= year && (answered === undefined || answered > year)) tally.add(`applications.${key}.carriedOverToNextYear`, id);
  }
};

const APPEAL_FIELDS: Readonly<Record<ReportAppealKind, 'reconsideration' | 'litigationDirect' | 'litigationAfterReconsideration'>> = {
  RECONSIDERATION: 'reconsideration',
  LITIGATION_DIRECT: 'litigationDirect',
  LITIGATION_AFTER_RECONSIDERATION: 'litigationAfterReconsideration',
};

/**
 * One appeal (of one kind, about one request) in `year`: decided in the year, under its result; or
 * still pending at the end of the year (尚未审结) when it was recorded by then and not decided by then.
 */
const tallyAppeal = (tally: Tally, kind: ReportAppealKind, records: readonly AppealRecord[], year: number): void => {
  const field = APPEAL_FIELDS[kind];
  const decided = records.find((r) => r.result !== 'PENDING' && r.decidedOn !== null && yearOf(r.decidedOn) === year);
  if (decided) {
    tally.add(`appeals.${field}.${decided.result.toLowerCase()}`, decided.eventId);
    tally.add(`appeals.${field}.total`, decided.eventId);
    return;
  }
  const endOfYear = `${year}-12-31`;
  const decidedByThen = records.some((r) => r.result !== 'PENDING' && r.decidedOn !== null && r.decidedOn <= endOfYear);
  const pending = records.find((r) => r.result === 'PENDING' && r.recordedOn <= endOfYear);
  if (pending && !decidedByThen) {
    tally.add(`appeals.${field}.pending`, pending.eventId);
    tally.add(`appeals.${field}.total`, pending.eventId);
  }
};

/** 规范性文件: issued and repealed in the year, and in force (as amended or not) at its end. */
const tallyDocument = (tally: Tally, document: NormativeDocumentFact, year: number): void => {
  const endOfYear = `${year}-12-31`;
  if (yearOf(document.issuedOn) === year) tally.add('proactive.normativeDocumentsIssued', document.registeredEventId);
  if (document.repeal && yearOf(document.repeal.repealedOn) === year) tally.add('proactive.normativeDocumentsRepealed', document.repeal.eventId);
  const repealedByThen = document.repeal !== null && document.repeal.repealedOn <= endOfYear;
  if (document.issuedOn <= endOfYear && !repealedByThen && document.validUntil >= endOfYear) tally.add('proactive.normativeDocumentsInForce', document.registeredEventId);
};

/** Which figure of section 二 a supervision record counts in: licences are discharge permits and EIA approvals (行政许可). */
const DECISION_FIGURES: Readonly<Record<string, 'licensingDecisions' | 'penaltyDecisions' | 'enforcementDecisions'>> = {
  DISCHARGE_PERMIT: 'licensingDecisions',
  EIA_APPROVAL: 'licensingDecisions',
  ADMINISTRATIVE_PENALTY: 'penaltyDecisions',
  ENFORCEMENT_ACTION: 'enforcementDecisions',
};

/**
 * 行政许可、行政处罚、行政强制 and fees: decisions formed in the year and not withdrawn by its end;
 * a fee counts with its latest (corrected) amount.
 */
const tallyDecision = (tally: Tally, decision: SupervisionDecisionFact, year: number): void => {
  if (yearOf(decision.formedOn) !== year || (decision.revokedOn !== null && decision.revokedOn <= `${year}-12-31`)) return;
  const figure = DECISION_FIGURES[decision.category];
  if (figure) tally.add(`proactive.${figure}`, decision.eventIds[0]);
  if (decision.category === 'DISCHARGE_FEE' && decision.amountFen !== null) tally.addAmount('proactive.feesCollectedFen', decision.amountFen, decision.eventIds);
};

const rowOf = (tally: Tally, applicantType: string): ApplicationsRow => {
  const key = (figure: string) => `applications.${applicantType}.${figure}`;
  return {
    applicantType,
    newThisYear: tally.count(key('newThisYear')),
    carriedOverFromLastYear: tally.count(key('carriedOverFromLastYear')),
    outcomes: REPORT_OUTCOMES.map((outcome) => ({ outcome, count: tally.count(key(`outcomes.${outcome}`)) })),
    totalProcessed: tally.count(key('totalProcessed')),
    carriedOverToNextYear: tally.count(key('carriedOverToNextYear')),
  };
};

const appealRowOf = (tally: Tally, field: string): AppealRow => {
  const [upheld, corrected, other, pending] = REPORT_APPEAL_RESULTS.map((result) => tally.count(`appeals.${field}.${result.toLowerCase()}`));
  return { upheld, corrected, other, pending, total: tally.count(`appeals.${field}.total`) };
};

/** What the history cannot vouch for: the report says so rather than print a figure that looks complete. */
export const FIGURES_NOT_COUNTED = [
  'proactive.licensingDecisions counts the discharge permits and EIA approvals the supervision context records; other administrative licences are recorded as events by no context yet',
  'proactive.feesCollectedFen counts the discharge fees the supervision context records; other administrative fees are recorded as events by no context yet',
];

/** The report of `agencyCode` for `year`, computed from the facts; each figure with the events behind it. */
export const computeAnnualReport = (facts: ReportFacts, year: number, agencyCode: string): AnnualReport => {
  const tally = new Tally();
  const notCounted = [...FIGURES_NOT_COUNTED];
  const knownTypes: readonly string[] = REPORT_APPLICANT_TYPES;
  const knownOutcomes: readonly string[] = REPORT_OUTCOMES;
  for (const request of facts.requests) {
    if (request.agencyCode !== agencyCode) continue;
    if (!knownTypes.includes(request.applicantType) || (request.answer && !knownOutcomes.includes(request.answer.outcome))) {
      notCounted.push(`request ${request.requestId}: applicant type ${request.applicantType} or its outcome is not a category of the template`);
      continue;
    }
    tallyRequest(tally, request.applicantType, request, year);
    for (const kind of REPORT_APPEAL_KINDS) {
      const records = request.appeals.filter((a) => a.kind === kind);
      if (records.length) tallyAppeal(tally, kind, records, year);
    }
  }
  for (const document of facts.documents) if (document.agencyCode === agencyCode) tallyDocument(tally, document, year);
  for (const decision of facts.decisions) if (decision.agencyCode === agencyCode) tallyDecision(tally, decision, year);
  return {
    year,
    agencyCode,
    dueOn: annualReportDueOn(year),
    proactive: {
      normativeDocumentsIssued: tally.count('proactive.normativeDocumentsIssued'),
      normativeDocumentsRepealed: tally.count('proactive.normativeDocumentsRepealed'),
      normativeDocumentsInForce: tally.count('proactive.normativeDocumentsInForce'),
      licensingDecisions: tally.count('proactive.licensingDecisions'),
      penaltyDecisions: tally.count('proactive.penaltyDecisions'),
      enforcementDecisions: tally.count('proactive.enforcementDecisions'),
      feesCollectedFen: tally.sum('proactive.feesCollectedFen'),
    },
    applications: { byApplicantType: REPORT_APPLICANT_TYPES.map((type) => rowOf(tally, type)), total: rowOf(tally, TOTAL_ROW) },
    appeals: {
      reconsideration: appealRowOf(tally, 'reconsideration'),
      litigationDirect: appealRowOf(tally, 'litigationDirect'),
      litigationAfterReconsideration: appealRowOf(tally, 'litigationAfterReconsideration'),
    },
    notCounted,
    evidence: tally.evidence,
  };
};
