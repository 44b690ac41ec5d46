import { endOfLocalDay } from '@gongkai/calendar';
import { badInput, type LocalDate } from '@gongkai/kernel';
import type { DisclosureCategory } from './disclosure-categories';

/** The validated details of one record: field name → value, optional fields left out when absent. */
export type Details = Readonly<Record<string, unknown>>;

/** What a rule may compare against: the record's own date and the day it is decided. */
export interface ContentMoment {
  readonly formedOn: LocalDate;
  readonly today: LocalDate;
  readonly now: Date;
}

type Rule = (details: Details, moment: ContentMoment) => Details;

const notBefore = (later: string, laterField: string, earlier: string, rule: string, message: string): void => {
  if (later < earlier) throw badInput(rule, message, { field: laterField });
};

const periodInOrder: Rule = (details) => {
  notBefore(String(details['periodTo']), 'periodTo', String(details['periodFrom']), 'PERIOD_ENDS_BEFORE_START', 'periodTo may not be before periodFrom.');
  return details;
};

/** A decision's information is formed on the day it is decided (Regulations Art. 26 counts from then). */
const formedOnDecision: Rule = (details, { formedOn }) => {
  if (details['decidedOn'] !== formedOn) {
    throw badInput('FORMED_ON_IS_DECISION_DATE', `formedOn must be the decision date ${String(details['decidedOn'])}: the publication period counts from the decision.`, {
      field: 'decidedOn',
    });
  }
  return details;
};

const notInFuture = (instantField: string, rule: string): Rule => (details, { now }) => {
  if (new Date(String(details[instantField])).getTime() > now.getTime()) throw badInput(rule, `${instantField} may not be in the future.`, { field: instantField });
  return details;
};

/**
 * Exceedance (超标) follows from the value and the standard: above the limit, or below a lower
 * limit (pH, dissolved oxygen). A stated `exceeded` that contradicts them is a typing mistake.
 */
const monitoringResult: Rule = (details, moment) => {
  notInFuture('sampledAt', 'SAMPLED_IN_FUTURE')(details, moment);
  // Compared as instants: sampled after the day formedOn ends means formed before the sampling day.
  if (new Date(String(details['sampledAt'])).getTime() >= endOfLocalDay(moment.formedOn).getTime()) {
    throw badInput('FORMED_BEFORE_SAMPLING', `formedOn ${moment.formedOn} may not be before the sampling day.`, { field: 'formedOn' });
  }
  const value = details['measuredValue'] as number;
  const lower = details['lowerLimit'] as number | undefined;
  if (lower !== undefined && lower > (details['limit'] as number)) throw badInput('LIMITS_REVERSED', 'lowerLimit may not be above limit.', { field: 'lowerLimit' });
  const exceeded = value > (details['limit'] as number) || (lower !== undefined && value < lower);
  if (details['exceeded'] !== undefined && details['exceeded'] !== exceeded) {
    throw badInput('EXCEEDANCE_CONTRADICTS_LIMIT', `exceeded says ${String(details['exceeded'])}, but ${value} is ${exceeded ? 'outside' : 'within'} the standard.`, { field: 'exceeded' });
  }
  return { ...details, exceeded };
};

const penalty: Rule = (details, moment) => {
  formedOnDecision(details, moment);
  // Administrative Penalty Law Art. 9: a fine has an amount.
  if (details['penaltyKind'] === 'FINE' && !details['amountFen']) throw badInput('FINE_WITHOUT_AMOUNT', 'A fine needs amountFen greater than 0.', { field: 'amountFen' });
  return details;
};

const permit: Rule = (details) => {
  notBefore(String(details['validTo']), 'validTo', String(details['validFrom']), 'PERMIT_VALID_TO_BEFORE_FROM', 'validTo may not be before validFrom.');
  return details;
};

const complaint: Rule = (details, { formedOn }) => {
  notBefore(formedOn, 'formedOn', String(details['receivedOn']), 'FORMED_BEFORE_RECEIPT', 'formedOn may not be before the complaint was received.');
  return details;
};

/** Rules across fields, after each field was read on its own. */
export const CATEGORY_RULES: Readonly<Record<DisclosureCategory, Rule>> = {
  ENVIRONMENTAL_QUALITY: periodInOrder,
  SUPERVISORY_MONITORING: monitoringResult,
  ADMINISTRATIVE_PENALTY: penalty,
  DISCHARGE_PERMIT: permit,
  EIA_APPROVAL: (details) => details,
  HAZARDOUS_WASTE_TRANSFER: (details) => details,
  DISCHARGE_FEE: periodInOrder,
  COMPLAINT_CASE: complaint,
  ENFORCEMENT_ACTION: formedOnDecision,
  EMERGENCY_INCIDENT: notInFuture('occurredAt', 'OCCURRED_IN_FUTURE'),
};

/** A title when a spreadsheet gives none: the category and what identifies the record. */
export const defaultTitle = (category: DisclosureCategory, details: Details): string => {
  const d = (name: string): string => String(details[name] ?? '');
  switch (category) {
    case 'ENVIRONMENTAL_QUALITY':
      return `${d('area')}环境质量状况（${d('periodFrom')}至${d('periodTo')}）`;
    case 'SUPERVISORY_MONITORING':
      return `${d('outlet')} ${d('pollutant')} 监督性监测结果`;
    case 'ADMINISTRATIVE_PENALTY':
    case 'ENFORCEMENT_ACTION':
      return d('decisionNumber');
    case 'DISCHARGE_PERMIT':
      return `排污许可证 ${d('permitNumber')}`;
    case 'EIA_APPROVAL':
      return `${d('subjectName')}环评批复（${d('approvalNumber')}）`;
    case 'HAZARDOUS_WASTE_TRANSFER':
      return `危险废物转移 ${d('approvalNumber')}`;
    case 'DISCHARGE_FEE':
      return `排污费征收（${d('periodFrom')}至${d('periodTo')}）`;
    case 'COMPLAINT_CASE':
      return `信访投诉案件 ${d('caseNumber')}`;
    case 'EMERGENCY_INCIDENT':
      return d('incidentName');
  }
};
