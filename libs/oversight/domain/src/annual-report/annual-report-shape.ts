/**
 * The annual report on government information disclosure (政府信息公开工作年度报告) of one agency
 * for one year, in the template's structure, computed from the facts folded out of the event
 * history. Each figure is kept with the ids of the events behind it (`evidence`, by figure key).
 */
export interface OutcomeCount {
  readonly outcome: string;
  readonly count: number;
}

export interface ApplicationsRow {
  readonly applicantType: string;
  readonly newThisYear: number;
  readonly carriedOverFromLastYear: number;
  readonly outcomes: readonly OutcomeCount[];
  readonly totalProcessed: number;
  readonly carriedOverToNextYear: number;
}

export interface AppealRow {
  readonly upheld: number;
  readonly corrected: number;
  readonly other: number;
  readonly pending: number;
  readonly total: number;
}

export interface ProactiveDisclosure {
  /** 规章: see RULES_NOT_MADE_BY_BUREAUS. */
  readonly rulesIssued: number;
  readonly rulesRepealed: number;
  readonly rulesInForce: number;
  /** 行政规范性文件. */
  readonly normativeDocumentsIssued: number;
  readonly normativeDocumentsRepealed: number;
  readonly normativeDocumentsInForce: number;
  readonly licensingDecisions: number;
  readonly penaltyDecisions: number;
  readonly enforcementDecisions: number;
  readonly feesCollectedFen: number;
}

export interface AnnualReport {
  readonly year: number;
  readonly agencyCode: string;
  /** 31 January of the next year (Regulations Art. 49). */
  readonly dueOn: string;
  readonly proactive: ProactiveDisclosure;
  readonly applications: { readonly byApplicantType: readonly ApplicationsRow[]; readonly total: ApplicationsRow };
  readonly appeals: { readonly reconsideration: AppealRow; readonly litigationDirect: AppealRow; readonly litigationAfterReconsideration: AppealRow };
  /** Figures the history cannot give (yet), each with the reason. */
  readonly notCounted: readonly string[];
  /** Figure key (e.g. `applications.NATURAL_PERSON.newThisYear`) → the ids of the events counted in it. */
  readonly evidence: Readonly<Record<string, readonly string[]>>;
}

