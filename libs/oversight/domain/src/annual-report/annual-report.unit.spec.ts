import { type AnnualReport, computeAnnualReport, TOTAL_ROW } from './annual-report';
import { history } from './annual-report.fixtures';
import { foldReportFacts } from './report-facts';
import { REPORT_OUTCOMES } from './report-vocabulary';

const CITY = '445300';
const LUODING = '445381';

/**
 * Requests of the city bureau over 2024–2026, every outcome of the template, carry-overs both
 * ways, appeals of every kind decided in the year they were filed and later, a county request that
 * must not be counted, and the normative-document register. The expected figures below were worked
 * out by hand from this list, not by running the code.
 */
const scenario = () => {
  const h = history();
  // Received in 2024, answered in 2025: carried over into 2025.
  h.received('A01', CITY, 'NATURAL_PERSON', '2024-12-20');
  h.answered('A01', 'OTHER', '2025-01-10');
  h.received('A02', CITY, 'NATURAL_PERSON', '2025-03-10');
  h.answered('A02', 'DISCLOSED', '2025-03-31');
  h.appeal('A02', 'RECONSIDERATION', 'PENDING', '2025-05-10');
  h.appeal('A02', 'RECONSIDERATION', 'UPHELD', '2025-07-01', '2025-07-01');
  h.received('A03', CITY, 'COMMERCIAL_ENTERPRISE', '2025-05-06');
  h.answered('A03', 'PARTLY_DISCLOSED', '2025-05-28');
  h.appeal('A03', 'RECONSIDERATION', 'PENDING', '2025-10-01');
  h.appeal('A03', 'RECONSIDERATION', 'CORRECTED', '2026-02-16', '2026-02-15');
  h.appeal('A03', 'LITIGATION_AFTER_RECONSIDERATION', 'PENDING', '2026-03-10');
  h.received('A04', CITY, 'RESEARCH_INSTITUTION', '2025-06-02');
  h.answered('A04', 'UNAVAILABLE_NOT_HELD', '2025-06-20');
  // Decided in December 2025, recorded in January 2026: it belongs to 2025.
  h.appeal('A04', 'LITIGATION_DIRECT', 'UPHELD', '2026-01-05', '2025-12-20');
  // Received late in 2025, answered in 2026: carried over to 2026.
  h.received('A05', CITY, 'NATURAL_PERSON', '2025-11-20');
  h.received('A06', CITY, 'COMMERCIAL_ENTERPRISE', '2025-12-29');
  h.received('A07', CITY, 'SOCIAL_WELFARE_ORGANIZATION', '2025-12-30');
  h.answered('A05', 'PARTLY_DISCLOSED', '2026-01-08');
  h.answered('A07', 'DISCLOSED', '2026-01-20');
  h.answered('A06', 'WITHHELD_THIRD_PARTY_RIGHTS', '2026-02-02');
  // Received and answered in 2026: each outcome of the template once.
  const answeredIn2026: [string, string, string, string, string][] = [
    ['B01', 'NATURAL_PERSON', 'DISCLOSED', '2026-01-12', '2026-02-05'],
    ['B02', 'COMMERCIAL_ENTERPRISE', 'PARTLY_DISCLOSED', '2026-01-13', '2026-02-06'],
    ['B03', 'RESEARCH_INSTITUTION', 'WITHHELD_STATE_SECRET', '2026-01-14', '2026-02-09'],
    ['B04', 'SOCIAL_WELFARE_ORGANIZATION', 'WITHHELD_PROHIBITED_BY_LAW', '2026-01-15', '2026-02-10'],
    ['B05', 'LEGAL_SERVICE_INSTITUTION', 'WITHHELD_SECURITY_STABILITY', '2026-01-16', '2026-02-11'],
    ['B06', 'OTHER_ORGANIZATION', 'WITHHELD_THIRD_PARTY_RIGHTS', '2026-01-19', '2026-02-12'],
    ['B07', 'NATURAL_PERSON', 'WITHHELD_INTERNAL_AFFAIRS', '2026-03-02', '2026-03-20'],
    ['B08', 'COMMERCIAL_ENTERPRISE', 'WITHHELD_PROCESS_INFORMATION', '2026-03-03', '2026-03-23'],
    ['B09', 'RESEARCH_INSTITUTION', 'WITHHELD_ENFORCEMENT_FILE', '2026-03-04', '2026-03-24'],
    ['B10', 'SOCIAL_WELFARE_ORGANIZATION', 'WITHHELD_ADMINISTRATIVE_INQUIRY', '2026-03-05', '2026-03-25'],
    ['B11', 'LEGAL_SERVICE_INSTITUTION', 'UNAVAILABLE_NOT_HELD', '2026-03-06', '2026-03-26'],
    ['B12', 'OTHER_ORGANIZATION', 'UNAVAILABLE_NEEDS_CREATION', '2026-03-09', '2026-03-27'],
    ['B13', 'NATURAL_PERSON', 'UNAVAILABLE_STILL_UNCLEAR', '2026-04-01', '2026-05-06'],
    ['B14', 'COMMERCIAL_ENTERPRISE', 'NOT_PROCESSED_COMPLAINT', '2026-04-02', '2026-04-20'],
    ['B15', 'RESEARCH_INSTITUTION', 'NOT_PROCESSED_DUPLICATE', '2026-04-03', '2026-04-21'],
    ['B16', 'SOCIAL_WELFARE_ORGANIZATION', 'NOT_PROCESSED_PUBLICATION', '2026-04-07', '2026-04-22'],
    ['B17', 'LEGAL_SERVICE_INSTITUTION', 'NOT_PROCESSED_EXCESSIVE', '2026-04-08', '2026-04-23'],
    ['B18', 'OTHER_ORGANIZATION', 'NOT_PROCESSED_CONFIRMATION', '2026-04-09', '2026-04-24'],
    ['B19', 'NATURAL_PERSON', 'OTHER_NO_SUPPLEMENT', '2026-05-11', '2026-06-30'],
    ['B20', 'COMMERCIAL_ENTERPRISE', 'OTHER_FEE_NOT_PAID', '2026-05-12', '2026-07-01'],
    ['B21', 'RESEARCH_INSTITUTION', 'OTHER', '2026-05-13', '2026-06-01'],
  ];
  for (const [key, type, outcome, receivedOn, answeredOn] of answeredIn2026) {
    h.received(key, CITY, type, receivedOn);
    h.answered(key, outcome, answeredOn);
  }
  h.appeal('B06', 'RECONSIDERATION', 'OTHER', '2026-06-30', '2026-06-30');
  h.appeal('B02', 'LITIGATION_DIRECT', 'PENDING', '2026-04-01');
  h.appeal('B02', 'LITIGATION_DIRECT', 'CORRECTED', '2026-09-30', '2026-09-30');
  // Unanswered at the end of 2026: carried over to 2027.
  h.received('B22', CITY, 'NATURAL_PERSON', '2026-11-02');
  // A county bureau's request is in its own report, not the city's.
  h.received('C01', LUODING, 'NATURAL_PERSON', '2026-01-05');
  h.answered('C01', 'DISCLOSED', '2026-01-20');
  h.appeal('C01', 'RECONSIDERATION', 'UPHELD', '2026-03-01', '2026-03-01');

  h.registered('D1', CITY, '云环办〔2024〕3号', '2024-05-01', '2029-04-30');
  h.registered('D2', CITY, '云环办〔2025〕7号', '2025-02-10', '2030-02-09');
  h.registered('D3', CITY, '云环办〔2026〕2号', '2026-03-01', '2028-02-29');
  h.registered('D4', CITY, '云环办〔2021〕1号', '2021-01-01', '2025-12-31');
  h.registered('D5', CITY, '云环办〔2020〕9号', '2020-06-01', '2025-05-31');
  h.registered('D6', LUODING, '罗环办〔2026〕1号', '2026-01-10', '2031-01-09');
  h.repealed('D2', '2026-08-01');

  // Supervision records (监管情况公开): decisions by category, a fee corrected, a penalty revoked.
  h.disclosed('P1', CITY, 'ADMINISTRATIVE_PENALTY', '2026-04-10', { penaltyKind: 'FINE', amountFen: 5_000_000 });
  h.disclosed('P2', CITY, 'ADMINISTRATIVE_PENALTY', '2026-05-01', { penaltyKind: 'WARNING' });
  h.revoked('P2', '2026-06-01');
  h.disclosed('P3', CITY, 'ADMINISTRATIVE_PENALTY', '2025-12-30', { penaltyKind: 'WARNING' });
  h.disclosed('L1', CITY, 'DISCHARGE_PERMIT', '2026-02-01', { action: 'ISSUED' });
  h.disclosed('L2', CITY, 'EIA_APPROVAL', '2026-03-01', { subjectKind: 'PROJECT', decision: 'APPROVED' });
  h.disclosed('E1', CITY, 'ENFORCEMENT_ACTION', '2026-07-07', { actionKind: 'SEALING_SEIZURE' });
  h.disclosed('F1', CITY, 'DISCHARGE_FEE', '2026-01-31', { amountFen: 120_000 });
  h.corrected('F1', { amountFen: 150_000 }, '2026-02-10');
  h.disclosed('F2', LUODING, 'DISCHARGE_FEE', '2026-01-31', { amountFen: 99_900 });
  h.disclosed('F3', CITY, 'DISCHARGE_FEE', '2026-06-30', { amountFen: 5_000 });
  h.disclosed('M1', CITY, 'SUPERVISORY_MONITORING', '2026-06-30', { pollutant: 'COD' });
  return h;
};

type Row = { newThisYear: number; carriedOverFromLastYear: number; totalProcessed: number; carriedOverToNextYear: number; outcomes: Record<string, number> };
const row = (report: AnnualReport, type: string): Row => {
  const found = type === TOTAL_ROW ? report.applications.total : report.applications.byApplicantType.find((r) => r.applicantType === type)!;
  const outcomes = Object.fromEntries(found.outcomes.filter((o) => o.count > 0).map((o) => [o.outcome, o.count]));
  return { newThisYear: found.newThisYear, carriedOverFromLastYear: found.carriedOverFromLastYear, totalProcessed: found.totalProcessed, carriedOverToNextYear: found.carriedOverToNextYear, outcomes };
};

describe('The annual report (政府信息公开工作年度报告), computed from the event history', () => {
  const h = scenario();
  const facts = foldReportFacts(h.events);
  const report2025 = computeAnnualReport(facts, 2025, CITY);
  const report2026 = computeAnnualReport(facts, 2026, CITY);

  it('lists every applicant type of the template and every outcome, zeros included', () => {
    expect(report2026.applications.byApplicantType.map((r) => r.applicantType)).toEqual([
      'NATURAL_PERSON',
      'COMMERCIAL_ENTERPRISE',
      'RESEARCH_INSTITUTION',
      'SOCIAL_WELFARE_ORGANIZATION',
      'LEGAL_SERVICE_INSTITUTION',
      'OTHER_ORGANIZATION',
    ]);
    for (const r of [...report2026.applications.byApplicantType, report2026.applications.total]) expect(r.outcomes.map((o) => o.outcome)).toEqual([...REPORT_OUTCOMES]);
    expect(REPORT_OUTCOMES).toHaveLength(21);
    expect(report2025.applications.byApplicantType.find((r) => r.applicantType === 'LEGAL_SERVICE_INSTITUTION')!.outcomes.every((o) => o.count === 0)).toBe(true);
  });

  it('counts 2026 by applicant type as worked out by hand', () => {
    expect(row(report2026, 'NATURAL_PERSON')).toEqual({
      newThisYear: 5, // B01 B07 B13 B19 B22
      carriedOverFromLastYear: 1, // A05
      outcomes: { DISCLOSED: 1, PARTLY_DISCLOSED: 1, WITHHELD_INTERNAL_AFFAIRS: 1, UNAVAILABLE_STILL_UNCLEAR: 1, OTHER_NO_SUPPLEMENT: 1 },
      totalProcessed: 5,
      carriedOverToNextYear: 1, // B22
    });
    expect(row(report2026, 'COMMERCIAL_ENTERPRISE')).toEqual({
      newThisYear: 4, // B02 B08 B14 B20
      carriedOverFromLastYear: 1, // A06
      outcomes: { PARTLY_DISCLOSED: 1, WITHHELD_THIRD_PARTY_RIGHTS: 1, WITHHELD_PROCESS_INFORMATION: 1, NOT_PROCESSED_COMPLAINT: 1, OTHER_FEE_NOT_PAID: 1 },
      totalProcessed: 5,
      carriedOverToNextYear: 0,
    });
    expect(row(report2026, 'RESEARCH_INSTITUTION')).toEqual({
      newThisYear: 4,
      carriedOverFromLastYear: 0,
      outcomes: { WITHHELD_STATE_SECRET: 1, WITHHELD_ENFORCEMENT_FILE: 1, NOT_PROCESSED_DUPLICATE: 1, OTHER: 1 },
      totalProcessed: 4,
      carriedOverToNextYear: 0,
    });
    expect(row(report2026, 'SOCIAL_WELFARE_ORGANIZATION')).toEqual({
      newThisYear: 3,
      carriedOverFromLastYear: 1, // A07
      outcomes: { DISCLOSED: 1, WITHHELD_PROHIBITED_BY_LAW: 1, WITHHELD_ADMINISTRATIVE_INQUIRY: 1, NOT_PROCESSED_PUBLICATION: 1 },
      totalProcessed: 4,
      carriedOverToNextYear: 0,
    });
    expect(row(report2026, 'LEGAL_SERVICE_INSTITUTION')).toEqual({
      newThisYear: 3,
      carriedOverFromLastYear: 0,
      outcomes: { WITHHELD_SECURITY_STABILITY: 1, UNAVAILABLE_NOT_HELD: 1, NOT_PROCESSED_EXCESSIVE: 1 },
      totalProcessed: 3,
      carriedOverToNextYear: 0,
    });
    expect(row(report2026, 'OTHER_ORGANIZATION')).toEqual({
      newThisYear: 3,
      carriedOverFromLastYear: 0,
      outcomes: { WITHHELD_THIRD_PARTY_RIGHTS: 1, UNAVAILABLE_NEEDS_CREATION: 1, NOT_PROCESSED_CONFIRMATION: 1 },
      totalProcessed: 3,
      carriedOverToNextYear: 0,
    });
  });

  it('totals 2026, and the template balances: new + carried in = processed + carried on', () => {
    const total = row(report2026, TOTAL_ROW);
    expect(total).toEqual({
      newThisYear: 22,
      carriedOverFromLastYear: 3,
      outcomes: Object.fromEntries(REPORT_OUTCOMES.map((o) => [o, ['DISCLOSED', 'PARTLY_DISCLOSED', 'WITHHELD_THIRD_PARTY_RIGHTS'].includes(o) ? 2 : 1])),
      totalProcessed: 24,
      carriedOverToNextYear: 1,
    });
    for (const r of [...report2026.applications.byApplicantType, report2026.applications.total, ...report2025.applications.byApplicantType, report2025.applications.total]) {
      expect(r.newThisYear + r.carriedOverFromLastYear).toBe(r.totalProcessed + r.carriedOverToNextYear);
      expect(r.outcomes.reduce((sum, o) => sum + o.count, 0)).toBe(r.totalProcessed);
    }
  });

  it('counts 2025, carried over from 2024 and into 2026', () => {
    expect(row(report2025, 'NATURAL_PERSON')).toEqual({ newThisYear: 2, carriedOverFromLastYear: 1, outcomes: { OTHER: 1, DISCLOSED: 1 }, totalProcessed: 2, carriedOverToNextYear: 1 });
    expect(row(report2025, 'COMMERCIAL_ENTERPRISE')).toEqual({ newThisYear: 2, carriedOverFromLastYear: 0, outcomes: { PARTLY_DISCLOSED: 1 }, totalProcessed: 1, carriedOverToNextYear: 1 });
    expect(row(report2025, 'RESEARCH_INSTITUTION')).toEqual({ newThisYear: 1, carriedOverFromLastYear: 0, outcomes: { UNAVAILABLE_NOT_HELD: 1 }, totalProcessed: 1, carriedOverToNextYear: 0 });
    expect(row(report2025, 'SOCIAL_WELFARE_ORGANIZATION')).toEqual({ newThisYear: 1, carriedOverFromLastYear: 0, outcomes: {}, totalProcessed: 0, carriedOverToNextYear: 1 });
    expect(row(report2025, TOTAL_ROW)).toEqual({
      newThisYear: 6,
      carriedOverFromLastYear: 1,
      outcomes: { OTHER: 1, DISCLOSED: 1, PARTLY_DISCLOSED: 1, UNAVAILABLE_NOT_HELD: 1 },
      totalProcessed: 4,
      carriedOverToNextYear: 3,
    });
  });

  it('counts reconsideration and litigation in the year decided, or as pending at the end of the year', () => {
    expect(report2025.appeals).toEqual({
      reconsideration: { upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 }, // A02 upheld; A03 pending at year end
      litigationDirect: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 }, // A04, decided 2025-12-20
      litigationAfterReconsideration: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
    });
    expect(report2026.appeals).toEqual({
      reconsideration: { upheld: 0, corrected: 1, other: 1, pending: 0, total: 2 }, // A03 corrected; B06 other
      litigationDirect: { upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 }, // B02
      litigationAfterReconsideration: { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 }, // A03
    });
  });

  it('counts normative documents issued, repealed and in force at the end of the year', () => {
    expect(report2025.proactive).toMatchObject({ normativeDocumentsIssued: 1, normativeDocumentsRepealed: 0, normativeDocumentsInForce: 3 }); // D2; D1 D2 D4
    expect(report2026.proactive).toMatchObject({ normativeDocumentsIssued: 1, normativeDocumentsRepealed: 1, normativeDocumentsInForce: 2 }); // D3; D2; D1 D3
  });

  it('names the events behind every figure', () => {
    expect(report2026.evidence['applications.TOTAL.carriedOverFromLastYear']).toEqual([h.ids['A05.received'], h.ids['A06.received'], h.ids['A07.received']]);
    expect(report2026.evidence['applications.COMMERCIAL_ENTERPRISE.outcomes.WITHHELD_THIRD_PARTY_RIGHTS']).toEqual([h.ids['A06.answered']]);
    expect(report2026.evidence['appeals.litigationAfterReconsideration.pending']).toEqual([h.ids['A03.LITIGATION_AFTER_RECONSIDERATION.PENDING']]);
    expect(report2025.evidence['appeals.litigationDirect.upheld']).toEqual([h.ids['A04.LITIGATION_DIRECT.UPHELD']]);
    expect(report2026.evidence['proactive.normativeDocumentsRepealed']).toEqual([h.ids['D2.repealed']]);
    for (const [key, ids] of Object.entries(report2026.evidence)) {
      expect(ids.every((id) => h.events.some((e) => e.id === id))).toBe(true);
      expect(key).toMatch(/^(applications|appeals|proactive)\./);
    }
  });

  it('keeps each agency to its own report', () => {
    const county = computeAnnualReport(facts, 2026, LUODING);
    expect(row(county, TOTAL_ROW)).toEqual({ newThisYear: 1, carriedOverFromLastYear: 0, outcomes: { DISCLOSED: 1 }, totalProcessed: 1, carriedOverToNextYear: 0 });
    expect(county.appeals.reconsideration).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
    expect(county.proactive.normativeDocumentsIssued).toBe(1);
  });

  it('counts licences, penalties, enforcement decisions and fees from the supervision records of the year', () => {
    // L1 L2; P1 (P2 revoked, P3 in 2025); E1; F1 as corrected + F3 (F2 is the county's).
    expect(report2026.proactive).toMatchObject({ licensingDecisions: 2, penaltyDecisions: 1, enforcementDecisions: 1, feesCollectedFen: 155_000 });
    expect(report2025.proactive).toMatchObject({ licensingDecisions: 0, penaltyDecisions: 1, enforcementDecisions: 0, feesCollectedFen: 0 });
    expect(report2026.evidence['proactive.penaltyDecisions']).toEqual([h.ids['P1.disclosed']]);
    expect(report2026.evidence['proactive.feesCollectedFen']).toEqual([h.ids['F1.disclosed'], h.ids['F1.corrected'], h.ids['F3.disclosed']]);
  });

  it('says what the history cannot vouch for, and is due on 31 January', () => {
    expect(report2026.dueOn).toBe('2027-01-31');
    expect(report2026.notCounted.join('\n')).toMatch(/licensingDecisions counts the discharge permits issued, renewed or changed and the project EIA approvals/);
  });

  it('ignores an event of another context that happens to share a type name', () => {
    const stray = { id: 'stray', type: 'InformationRequestReceived', streamId: 'participation.Thing-1', occurredAt: '2026-01-01T00:00:00Z', data: { requestId: 'X', agencyCode: CITY, applicantType: 'NATURAL_PERSON', receivedOn: '2026-01-01' } };
    expect(computeAnnualReport(foldReportFacts([...h.events, stray]), 2026, CITY).applications.total.newThisYear).toBe(22);
  });
});
