/**
 * Which figure of the template's section 二 (主动公开政府信息情况) a supervision record counts in,
 * read from its category and its latest details: a correction may change what a record is.
 */
export type DecisionFigure = 'licensingDecisions' | 'penaltyDecisions' | 'enforcementDecisions' | 'feesCollectedFen';

/** 行政许可法 Art. 38, 49, 50: granting, renewing and changing a permit are licensing decisions; revoking (Art. 69) or cancelling (Art. 70) one is not. */
const PERMIT_LICENSING_ACTIONS: readonly unknown[] = ['ISSUED', 'RENEWED', 'CHANGED'];

export const decisionFigureOf = (category: string, details: Readonly<Record<string, unknown>>): DecisionFigure | null => {
  switch (category) {
    case 'DISCHARGE_PERMIT': // 排污许可证发放
      return PERMIT_LICENSING_ACTIONS.includes(details['action']) ? 'licensingDecisions' : null;
    case 'EIA_APPROVAL':
      // A project's EIA approval (审批) is a licence, granted or refused; a plan's EIA review (审查) advises the body that approves the plan.
      return details['subjectKind'] === 'PROJECT' ? 'licensingDecisions' : null;
    case 'ADMINISTRATIVE_PENALTY':
      return 'penaltyDecisions';
    case 'ENFORCEMENT_ACTION':
      // 按日连续处罚 is a fine decided anew for every day the violation goes on (Environmental Protection Law Art. 59).
      return details['actionKind'] === 'DAILY_CONTINUOUS_PENALTY' ? 'penaltyDecisions' : 'enforcementDecisions';
    case 'DISCHARGE_FEE': // 排污费征收
      return 'feesCollectedFen';
    default:
      return null;
  }
};

/** The amount of a record's latest details, when it names one. */
export const amountFenOf = (details: Readonly<Record<string, unknown>>): number | null => (typeof details['amountFen'] === 'number' ? details['amountFen'] : null);
