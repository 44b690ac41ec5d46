import { requireLocalDate } from '@gongkai/calendar';
import { badInput, type DomainError, isDomainError, type LocalDate, requireOneOf, requireText } from '@gongkai/kernel';
import { CATEGORY_FIELDS } from './category-fields';
import { CATEGORY_RULES, type ContentMoment, type Details, defaultTitle } from './category-rules';
import { requireCreditCode } from './credit-code';
import { DISCLOSURE_CATEGORIES, type DisclosureCategory, ENTERPRISE_ROLE } from './disclosure-categories';
import { type DetailField, type FieldSource, readField } from './detail-fields';

/** What one version of a disclosure record says. Category, enterprise, date and title never change; details may be corrected. */
export interface DisclosureContent {
  readonly category: DisclosureCategory;
  readonly enterpriseCreditCode: string | null;
  /** The day the information was formed (形成之日): the publication period counts from it. */
  readonly formedOn: LocalDate;
  readonly title: string;
  readonly details: Details;
}

/** Where a record's input comes from; `valueOf` is asked for each detail field by name. */
export interface ContentInput {
  readonly category: unknown;
  readonly enterpriseCreditCode: unknown;
  readonly formedOn: unknown;
  readonly title: unknown;
  readonly valueOf: (field: DetailField) => unknown;
  readonly source: FieldSource;
}

/** Throws the first problem, or — given a list — records every problem of the input and goes on. */
const attempt = <T>(problems: DomainError[] | undefined, read: () => T): T | undefined => {
  if (!problems) return read();
  try {
    return read();
  } catch (error) {
    if (!isDomainError(error)) throw error;
    problems.push(error);
    return undefined;
  }
};

const readEnterprise = (category: DisclosureCategory, value: unknown, source: FieldSource): string | null => {
  const absent = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  const role = ENTERPRISE_ROLE[category];
  if (absent && role === 'REQUIRED') throw badInput('ENTERPRISE_REQUIRED', `A ${category} record names the enterprise it concerns.`, { field: 'enterpriseCreditCode' });
  if (absent) return null;
  if (role === 'NONE') throw badInput('ENTERPRISE_NOT_APPLICABLE', `A ${category} record concerns an area, not an enterprise.`, { field: 'enterpriseCreditCode' });
  return requireCreditCode('enterpriseCreditCode', source === 'csv' && typeof value === 'string' ? value.trim() : value);
};

const readFormedOn = (value: unknown, today: LocalDate): LocalDate => {
  const formedOn = requireLocalDate('formedOn', value);
  if (formedOn > today) throw badInput('FORMED_IN_FUTURE', `formedOn ${formedOn} is after today (${today}).`, { field: 'formedOn' });
  return formedOn;
};

/** Reads every detail field of the category, then the rules across them. */
export const readDetails = (category: DisclosureCategory, input: Pick<ContentInput, 'valueOf' | 'source'>, moment: ContentMoment | undefined, problems?: DomainError[]): Details | undefined => {
  const details: Record<string, unknown> = {};
  let complete = true;
  for (const field of CATEGORY_FIELDS[category]) {
    const before = problems?.length ?? 0;
    const value = attempt(problems, () => readField(field, input.valueOf(field), input.source));
    if ((problems?.length ?? 0) > before) complete = false;
    else if (value !== undefined) details[field.name] = value;
  }
  if (!complete || !moment) return complete ? details : undefined;
  return attempt(problems, () => CATEGORY_RULES[category](details, moment));
};

/**
 * Validates a record's content at the edge of the domain. Every problem is BAD_USER_INPUT naming
 * the field (`details.field`) and the rule; with `problems`, all of them are collected (a CSV row).
 */
export const readDisclosureContent = (input: ContentInput, clock: { today: LocalDate; now: Date }, problems?: DomainError[]): DisclosureContent | undefined => {
  const category = attempt(problems, () => requireOneOf('category', input.category, DISCLOSURE_CATEGORIES));
  if (!category) return undefined;
  const enterpriseCreditCode = attempt(problems, () => readEnterprise(category, input.enterpriseCreditCode, input.source));
  const formedOn = attempt(problems, () => readFormedOn(input.formedOn, clock.today));
  const moment = formedOn ? { formedOn, today: clock.today, now: clock.now } : undefined;
  const details = readDetails(category, input, moment, problems);
  // A spreadsheet may leave the title out; it is then made from the details (when they are valid).
  const untitledRow = input.source === 'csv' && !String(input.title ?? '').trim();
  const title = untitledRow ? details && defaultTitle(category, details) : attempt(problems, () => requireText('title', input.title, { max: 300 }));
  if (enterpriseCreditCode === undefined || !formedOn || !details || title === undefined) return undefined;
  return { category, enterpriseCreditCode, formedOn, title, details };
};

/** The details of a GraphQL `JSON` value: an object with the category's fields and no others. */
export const jsonDetails = (details: unknown): ((field: DetailField) => unknown) => {
  if (typeof details !== 'object' || details === null || Array.isArray(details)) throw badInput('NOT_AN_OBJECT', 'details must be an object of the category’s fields.', { field: 'details' });
  return (field) => (details as Record<string, unknown>)[field.name];
};

/** Refuses fields the category does not have, so that a misspelt field is not silently dropped. */
export const requireKnownFields = (category: DisclosureCategory, details: unknown): void => {
  const known = new Set(CATEGORY_FIELDS[category].map((field) => field.name));
  for (const name of Object.keys(details as object)) {
    if (!known.has(name)) throw badInput('UNKNOWN_FIELD', `details.${name} is not a field of ${category}.`, { field: name });
  }
};

/** A record's content from GraphQL input (typed JSON); throws the first problem. */
export const validateDisclosureContent = (
  input: { category: unknown; enterpriseCreditCode?: unknown; formedOn: unknown; title: unknown; details: unknown },
  clock: { today: LocalDate; now: Date },
): DisclosureContent => {
  const category = requireOneOf('category', input.category, DISCLOSURE_CATEGORIES);
  const valueOf = jsonDetails(input.details);
  requireKnownFields(category, input.details);
  return readDisclosureContent({ ...input, enterpriseCreditCode: input.enterpriseCreditCode, category, valueOf, source: 'json' }, clock) as DisclosureContent;
};

/** Corrected details for an existing record: the same checks, against the record's own date. */
export const validateCorrectedDetails = (category: DisclosureCategory, details: unknown, moment: ContentMoment): Details => {
  const valueOf = jsonDetails(details);
  requireKnownFields(category, details);
  return readDetails(category, { valueOf, source: 'json' }, moment) as Details;
};
