import { computeAnnualReport } from './annual-report';
import { history } from './annual-report.fixtures';
import { foldReportFacts } from './report-facts';

const CITY = '445300';
const LUODING = '445381';

/**
 * Section 二 of the 2026 report, worked out by hand from the records below:
 * - licences: L1 (permit issued), L2 (project EIA approved), L5 (permit issued, corrected to renewed:
 *   counted once), L6 (project EIA refused) = 4; not L3 (a plan's EIA review), L4 (a permit revoked),
 *   L7 (revoked after the year), L8 (corrected to a cancellation), L9 (2025);
 * - penalties: P1, E2 (a daily continuous penalty recorded as an enforcement action) = 2; not P2 (revoked);
 * - enforcement: E1, E3 (corrected once) = 2;
 * - fees: F1 as corrected 150 000 + F3 5 000 + I1 (a completed import) 20 000 + R1's processing fee
 *   paid in 2026 10 000 = 185 000; not F4 (revoked), I2 (its import never completed), R2 (paid in
 *   2027), R3 (never paid), F2 (the county's).
 */
const scenario = () => {
  const h = history();
  h.disclosed('L1', CITY, 'DISCHARGE_PERMIT', '2026-02-01', { action: 'ISSUED' });
  h.disclosed('L2', CITY, 'EIA_APPROVAL', '2026-03-01', { subjectKind: 'PROJECT', decision: 'APPROVED' });
  h.disclosed('L3', CITY, 'EIA_APPROVAL', '2026-03-05', { subjectKind: 'PLAN', decision: 'APPROVED' });
  h.disclosed('L4', CITY, 'DISCHARGE_PERMIT', '2026-04-01', { action: 'REVOKED' });
  h.disclosed('L5', CITY, 'DISCHARGE_PERMIT', '2026-05-01', { action: 'ISSUED' });
  h.corrected('L5', { action: 'RENEWED' }, '2026-05-03');
  h.disclosed('L6', CITY, 'EIA_APPROVAL', '2026-06-01', { subjectKind: 'PROJECT', decision: 'NOT_APPROVED' });
  h.disclosed('L7', CITY, 'DISCHARGE_PERMIT', '2026-07-01', { action: 'ISSUED' });
  h.revoked('L7', '2027-01-10');
  h.disclosed('L8', CITY, 'DISCHARGE_PERMIT', '2026-08-01', { action: 'CHANGED' });
  h.corrected('L8', { action: 'CANCELLED' }, '2026-08-02');
  h.disclosed('L9', CITY, 'DISCHARGE_PERMIT', '2025-08-01', { action: 'ISSUED' });

  h.disclosed('P1', CITY, 'ADMINISTRATIVE_PENALTY', '2026-04-10', { penaltyKind: 'FINE', amountFen: 5_000_000 });
  h.disclosed('P2', CITY, 'ADMINISTRATIVE_PENALTY', '2026-05-01', { penaltyKind: 'WARNING' });
  h.revoked('P2', '2026-06-01');
  h.disclosed('E1', CITY, 'ENFORCEMENT_ACTION', '2026-07-07', { actionKind: 'SEALING_SEIZURE' });
  h.disclosed('E2', CITY, 'ENFORCEMENT_ACTION', '2026-09-01', { actionKind: 'DAILY_CONTINUOUS_PENALTY' });
  h.disclosed('E3', CITY, 'ENFORCEMENT_ACTION', '2026-10-01', { actionKind: 'ORDER_TO_CORRECT', facts: '超标排放' });
  h.corrected('E3', { actionKind: 'ORDER_TO_CORRECT', facts: '超标排放化学需氧量' }, '2026-10-02');

  h.disclosed('F1', CITY, 'DISCHARGE_FEE', '2026-01-31', { amountFen: 120_000 });
  h.corrected('F1', { amountFen: 150_000 }, '2026-02-10');
  h.disclosed('F2', LUODING, 'DISCHARGE_FEE', '2026-01-31', { amountFen: 99_900 });
  h.disclosed('F3', CITY, 'DISCHARGE_FEE', '2026-06-30', { amountFen: 5_000 });
  h.disclosed('F4', CITY, 'DISCHARGE_FEE', '2026-03-01', { amountFen: 70_000 });
  h.revoked('F4', '2026-03-02');
  h.imported('I1', 'import-1', CITY, 'DISCHARGE_FEE', '2026-04-01', { amountFen: 20_000 });
  h.importCompleted('import-1', '2026-04-02');
  h.imported('I2', 'import-2', CITY, 'DISCHARGE_FEE', '2026-04-01', { amountFen: 30_000 });

  h.received('R1', CITY, 'NATURAL_PERSON', '2026-05-20');
  h.feeNoticed('R1', 10_000, '2026-05-28');
  h.feePaid('R1', '2026-06-05');
  h.received('R2', CITY, 'COMMERCIAL_ENTERPRISE', '2026-12-01');
  h.feeNoticed('R2', 20_000, '2026-12-20');
  h.feePaid('R2', '2027-01-05');
  h.received('R3', CITY, 'NATURAL_PERSON', '2026-06-01');
  h.feeNoticed('R3', 40_000, '2026-06-10');
  return h;
};

describe('Section 二 of the annual report: licences, penalties, enforcement and fees', () => {
  const h = scenario();
  const facts = foldReportFacts(h.events);
  const report2026 = computeAnnualReport(facts, 2026, CITY);

  it('counts each decision of the year once, under the figure of its latest version, and no revoked one', () => {
    expect(report2026.proactive).toMatchObject({ licensingDecisions: 4, penaltyDecisions: 2, enforcementDecisions: 2, feesCollectedFen: 185_000 });
    expect(report2026.evidence['proactive.licensingDecisions']).toEqual(['L1', 'L2', 'L5', 'L6'].map((key) => h.ids[`${key}.disclosed`]));
    expect(report2026.evidence['proactive.penaltyDecisions']).toEqual([h.ids['P1.disclosed'], h.ids['E2.disclosed']]);
    expect(report2026.evidence['proactive.enforcementDecisions']).toEqual([h.ids['E1.disclosed'], h.ids['E3.disclosed']]);
  });

  it('sums the fees with the events behind each amount: the record and its corrections, the notice and its payment', () => {
    expect(new Set(report2026.evidence['proactive.feesCollectedFen'])).toEqual(
      new Set([h.ids['F1.disclosed'], h.ids['F1.corrected'], h.ids['F3.disclosed'], h.ids['I1.imported'], h.ids['R1.feeNoticed'], h.ids['R1.feePaid']]),
    );
  });

  it('counts a fee in the year it is paid, and the decisions of other years in theirs', () => {
    const report2027 = computeAnnualReport(facts, 2027, CITY);
    expect(report2027.proactive).toMatchObject({ licensingDecisions: 0, feesCollectedFen: 20_000 });
    expect(computeAnnualReport(facts, 2025, CITY).proactive).toMatchObject({ licensingDecisions: 1, penaltyDecisions: 0, feesCollectedFen: 0 });
    expect(computeAnnualReport(facts, 2026, LUODING).proactive).toMatchObject({ licensingDecisions: 0, feesCollectedFen: 99_900 });
  });

  it('counts an import’s rows once it is complete, whenever the completion arrives', () => {
    const later = scenario();
    later.importCompleted('import-2', '2026-05-01');
    const completed = computeAnnualReport(foldReportFacts(later.events), 2026, CITY);
    expect(completed.proactive.feesCollectedFen).toBe(215_000);
  });

  it('shows the rules row as zero and says why: a bureau makes no rules', () => {
    expect(report2026.proactive).toMatchObject({ rulesIssued: 0, rulesRepealed: 0, rulesInForce: 0 });
    expect(report2026.notCounted.join('\n')).toMatch(/Legislation Law Art\. 93/);
  });

  it('folds a redelivered correction or revocation once', () => {
    const corrected = h.events.find((event) => event.id === h.ids['F1.corrected']);
    const revoked = h.events.find((event) => event.id === h.ids['P2.revoked']);
    const again = computeAnnualReport(foldReportFacts([...h.events, corrected!, revoked!]), 2026, CITY);
    expect(again.evidence['proactive.feesCollectedFen']).toEqual(report2026.evidence['proactive.feesCollectedFen']);
    expect(again.proactive).toEqual(report2026.proactive);
  });
});
