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

/**
 * 行政许可、行政处罚、行政强制 and fees: decisions formed in the year, each counted once however
 * often corrected, under the figure and with the amount of its latest version. A revoked decision
 * does not count at all, nor does a row of a bulk import that was never completed (nothing of a
 * file is used unless all of it is).
 */
const tallyDecision = (tally: Tally, decision: SupervisionDecisionFact, year: number, completedImports: ReadonlySet<string>): void => {
  if (yearOf(decision.formedOn) !== year || decision.revokedOn !== null || !decision.figure) return;
  if (decision.importId !== null && !completedImports.has(decision.importId)) return;
  if (decision.figure !== 'feesCollectedFen') tally.add(`proactive.${decision.figure}`, decision.eventIds[0]);
  else if (decision.amountFen !== null) tally.addAmount('proactive.feesCollectedFen', decision.amountFen, decision.eventIds);
};

/** 信息处理费 (国办函〔2020〕109号) is an administrative fee: it counts in the year it is paid. */
const tallyRequestFee = (tally: Tally, request: RequestFact, year: number): void => {
  const fee = request.fee ?? null;
  if (fee?.paid && yearOf(fee.paid.paidOn) === year) tally.addAmount('proactive.feesCollectedFen', fee.amountFen, [fee.noticeEventId, fee.paid.eventId]);
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

/**
 * 规章: rules are made by the people's government of a province or a city with districts (Legislation
 * Law Art. 93), never by its environmental protection bureau, city or county; what a bureau issues
 * is normative documents (行政规范性文件). The template's rules row is therefore zero for every agency
 * of this platform, and the report says why.
 */
export const RULES_NOT_MADE_BY_BUREAUS =
  'proactive.rulesIssued, rulesRepealed and rulesInForce are 0: an environmental protection bureau has no power to make rules (规章, Legislation Law Art. 93); the register holds its normative documents';

/** What the history cannot vouch for: the report says so rather than print a figure that looks complete. */
export const FIGURES_NOT_COUNTED = [
  RULES_NOT_MADE_BY_BUREAUS,
  'proactive.licensingDecisions counts the discharge permits issued, renewed or changed and the project EIA approvals granted or refused that the supervision context records; other administrative licences are recorded as events by no context yet',
  'proactive.feesCollectedFen counts the discharge fees the supervision context records and the information processing fees paid on requests; other administrative fees are recorded as events by no context yet',
];

/** The report of `agencyCode` for `year`, computed from the facts; each figure with the events behind it. */
export const computeAnnualReport = (facts: ReportFacts, year: number, agencyCode: string): AnnualReport => {
  const tally = new Tally();
  const notCounted = [...FIGURES_NOT_COUNTED];
  const knownTypes: readonly string[] = REPORT_APPLICANT_TYPES;
  const knownOutcomes: readonly string[] = REPORT_OUTCOMES;
  for (const request of facts.requests) {
    if (request.agencyCode !== agencyCode) continue;
    tallyRequestFee(tally, request, year);
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
  const completedImports = new Set(facts.completedImports.map((i) => i.importId));
  for (const decision of facts.decisions) if (decision.agencyCode === agencyCode) tallyDecision(tally, decision, year, completedImports);
  return {
    year,
    agencyCode,
    dueOn: annualReportDueOn(year),
    proactive: {
      rulesIssued: 0,
      rulesRepealed: 0,
      rulesInForce: 0,
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
