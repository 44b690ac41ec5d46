import { addCalendarDays, localDateOf } from '@gongkai/calendar';
import { eventually, graphql, loginAs, type PlatformProcess, penaltyDetails, serviceGuideInput, startPlatformProcess } from '@gongkai/testing';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type IntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';

jest.setTimeout(60_000);

/**
 * An anonymous caller (no Authorization header) sweeping every query of the schema, as it is today
 * and as it will be when a query is added: each query is built from the introspected schema with
 * every field it can select, asked once per id (and tracking code, credit code, kind of item) the
 * bureau's staff and the public created, and once more at "now" where it answers for an instant.
 * No answer, data or error, may carry anything unpublished or anybody's personal data.
 *
 * What must stay hidden carries a marker in its text; what was published carries one that must be
 * found, so that a sweep which reaches nothing fails too.
 */

/** Unpublished work of the bureau: drafts, items under review, revisions not yet approved. */
const DRAFT = 'SWEEP-DRAFT-';
/** Facts for the bureau's staff only: monitoring notes, hidden comments, internal reports, webhook addresses. */
const INTERNAL = 'SWEEP-INTERNAL-';
/** Personal data of a member of the public: for the handling staff only, never shown back, not even to its owner. */
const PII = 'SWEEP-PII-';
/** What a member of the public wrote or was answered and nobody published: theirs to read back with tracking code and access key only. */
const OWN = 'SWEEP-OWN-';
/** Published after review: the sweep must find every one of them. */
const PUBLIC = 'SWEEP-PUBLIC-';

const HIDDEN_MARKER = /SWEEP-(?:DRAFT|INTERNAL|PII|OWN)-[\w-]*/gi;
const PUBLIC_MARKER = /SWEEP-PUBLIC-[\w-]*/g;
const SWEEP_TEXT = /SWEEP-/i;

/** The views that answer the holder of a tracking code and access key: they may show the holder's own words (never their name or contact). */
const KEY_HOLDER_VIEWS = new Set(['trackInformationRequest', 'trackPublicMessage']);

/**
 * Query fields the sweep cannot give plausible required arguments, each with the reason a
 * maintainer accepted. A new query that lands here fails the sweep until someone decides.
 */
const NOT_SWEPT: Readonly<Record<string, string>> = {};

/**
 * Object levels selected below the query field: as deep as the hardening lets a query go (a depth
 * of 8, the query field and seven levels below it), which reaches every field of today's schema;
 * shallower, level by level, when the hardening refuses a query as too deep or too costly.
 */
const SELECTION_LEVELS = 7;
const CONCURRENCY = 8;

const PAPER = '91445381MA4UK7L2XB';
const CEMENT = '91445302707712343T';

const today = localDateOf(new Date());
const thisYear = Number(today.slice(0, 4));
/** An instant with its offset in Beijing time, as opinion cases take it. */
const beijingInstant = (epochMs: number): string => `${new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;

type Headers = Record<string, string>;
type Scalar = string | number;
/** The plain values of one object the seeding answered with: a receipt, a review, an enterprise… */
type SeededRecord = Readonly<Record<string, Scalar>>;

/** Collects every object of an answer as a record of its plain values, leaving out text that carries a marker. */
const collectRecords = (value: unknown, into: SeededRecord[]): void => {
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) collectRecords(item, into);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record: Record<string, Scalar> = {};
  const entries: [string, unknown][] = Object.entries(value);
  for (const [key, field] of entries) {
    if ((typeof field === 'string' && !SWEEP_TEXT.test(field)) || typeof field === 'number') record[key] = field;
    else collectRecords(field, into);
  }
  if (Object.keys(record).length > 0) into.push(record);
};

const unique = <T>(values: readonly T[]): T[] => [...new Map(values.map((value) => [JSON.stringify(value), value])).values()];

/** The candidate values of one required argument; `key` when they are a field of the seeded records, to be taken together with the other such arguments. */
interface Candidates {
  readonly values: readonly unknown[];
  readonly key?: string;
}

const seededValues = (records: readonly SeededRecord[], key: string): Scalar[] => unique(records.flatMap((record) => (record[key] === undefined ? [] : [record[key]])));

const candidatesOf = (name: string, type: GraphQLInputType, records: readonly SeededRecord[], now: string): Candidates | undefined => {
  if (isNonNullType(type)) return candidatesOf(name, type.ofType, records, now);
  if (isListType(type)) {
    const inner = candidatesOf(name, type.ofType, records, now);
    return inner && { ...inner, values: inner.values.map((value) => [value]) };
  }
  if (isEnumType(type)) return { values: type.getValues().map((value) => value.name) };
  if (isInputObjectType(type)) {
    // Only the required fields, each with its first candidate.
    const input: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (!isNonNullType(field.type) || field.defaultValue !== undefined) continue;
      const value = candidatesOf(field.name, field.type, records, now)?.values[0];
      if (value === undefined) return undefined;
      input[field.name] = value;
    }
    return { values: [input] };
  }
  if (!isScalarType(type)) return undefined;
  switch (type.name) {
    case 'Int':
      // The year asked about now, and the last one (annual reports look back).
      if (name === 'year') return { values: [thisYear, thisYear - 1] };
      return /size|first|number|version|days/i.test(name) ? { values: [1] } : undefined;
    case 'Date':
      return { values: [today] };
    case 'DateTime':
      return { values: [now] };
    case 'Boolean':
      return { values: [true] };
    case 'ID':
    case 'String': {
      const exact = seededValues(records, name);
      if (exact.length > 0) return { values: exact, key: name };
      const ids = name === 'id' || name.endsWith('Id') ? seededValues(records, 'id') : [];
      return ids.length > 0 ? { values: ids } : undefined;
    }
    default:
      return undefined;
  }
};

type QueryField = GraphQLField<unknown, unknown>;

/**
 * The variables of every call of a field, or the argument nobody can supply. Arguments that are
 * fields of the same seeded record (a tracking code and its access key, a review's item type and
 * id) are taken together from such records; the others multiply.
 */
const callsOf = (field: QueryField, records: readonly SeededRecord[], now: string): Record<string, unknown>[] | string => {
  const required: { name: string; candidates: Candidates }[] = [];
  for (const argument of field.args) {
    if (!isNonNullType(argument.type) || argument.defaultValue !== undefined) continue;
    const candidates = candidatesOf(argument.name, argument.type, records, now);
    if (!candidates || candidates.values.length === 0) return `${argument.name}: ${String(argument.type)}`;
    required.push({ name: argument.name, candidates });
  }
  let calls: Record<string, unknown>[] = [{}];
  let rest = required;
  const keyed = required.filter((argument) => argument.candidates.key !== undefined);
  const together = keyed.length > 1 ? records.filter((record) => keyed.every((argument) => record[argument.candidates.key!] !== undefined)) : [];
  if (together.length > 0) {
    calls = unique(together.map((record) => Object.fromEntries(keyed.map((argument) => [argument.name, record[argument.candidates.key!]]))));
    rest = required.filter((argument) => argument.candidates.key === undefined);
  }
  for (const argument of rest) calls = calls.flatMap((call) => argument.candidates.values.map((value) => ({ ...call, [argument.name]: value })));
  if (field.args.some((argument) => argument.name === 'asOfInstant')) calls = calls.flatMap((call) => [call, { ...call, asOfInstant: now }]);
  return calls;
};

const requiresArguments = (field: QueryField): boolean => field.args.some((argument) => isNonNullType(argument.type) && argument.defaultValue === undefined);

/** Every leaf field of the type and, `levels` object levels deep, of the objects it holds; null when there is nothing to select. */
const selectionOf = (type: GraphQLOutputType, levels: number): string | null => {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (levels === 0) return null;
  if (!isObjectType(named)) return '{ __typename }';
  const fields = Object.values(named.getFields())
    .filter((field) => !requiresArguments(field))
    .flatMap((field) => {
      const selection = selectionOf(field.type, levels - 1);
      return selection === null ? [] : [selection ? `${field.name} ${selection}` : field.name];
    });
  return fields.length > 0 ? `{ ${fields.join(' ')} }` : null;
};

const operationOf = (field: QueryField, variables: Record<string, unknown>, levels: number): string | null => {
  const selection = selectionOf(field.type, levels);
  if (selection === null) return null;
  const names = Object.keys(variables);
  const definitions = names.map((name) => `$${name}: ${String(field.args.find((argument) => argument.name === name)!.type)}`);
  const argumentList = names.map((name) => `${name}: $${name}`);
  return `query Sweep${definitions.length > 0 ? `(${definitions.join(', ')})` : ''} { ${field.name}${argumentList.length > 0 ? `(${argumentList.join(', ')})` : ''} ${selection} }`;
};

interface Answer {
  readonly field: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
  /** Data and errors, as text. */
  readonly text: string;
  /** The validation errors of the last, shallowest attempt: the query was never run. */
  readonly refusal: string | null;
}

const inParallel = async <T, R>(items: readonly T[], concurrency: number, run: (item: T) => Promise<R>): Promise<R[]> => {
  const results: R[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
};

const SERVICE_DRAFT = 'mutation($input: ServiceItemInput!) { draftServiceItem(input: $input) { id } }';
const SERVICE_REQUEST = 'mutation($id: ID!, $v: Int!) { requestServiceItemPublication(id: $id, expectedVersion: $v) { id } }';
const SERVICE_REVISE = 'mutation($id: ID!, $v: Int!, $input: ServiceItemInput!) { reviseServiceItem(id: $id, expectedVersion: $v, input: $input) { id } }';
const DECISION_CREATE = 'mutation($input: DecisionDraftInput!) { createDecisionDraft(input: $input) { id } }';
const CONSULTATION_REQUEST = `mutation($id: ID!, $opensOn: Date!, $closesOn: Date!) {
  requestConsultation(id: $id, expectedVersion: 1, opensOn: $opensOn, closesOn: $closesOn, channels: [WEBSITE, WECHAT]) { id } }`;
const COMMENT = `mutation($id: ID!, $content: String!, $name: String, $contact: String) {
  submitConsultationComment(consultationId: $id, content: $content, authorName: $name, contact: $contact) { id } }`;
const COMMENT_HIDE = 'mutation($id: ID!, $reason: String!) { hideConsultationComment(commentId: $id, reason: $reason) { id } }';
const KEY_WORK_CREATE = 'mutation($input: KeyWorkItemInput!) { createKeyWorkItem(input: $input) { id } }';
const KEY_WORK_REPORT = 'mutation($id: ID!, $input: KeyWorkProgressInput!) { reportKeyWorkProgress(workItemId: $id, input: $input) { id } }';
const CLEANUP_OPEN = 'mutation($title: String!) { openCleanupCampaign(title: $title) { id } }';
const DOCUMENT_REGISTER = 'mutation($input: NormativeDocumentInput!) { registerNormativeDocument(input: $input) { id } }';
const INTERPRETATION_CREATE = 'mutation($input: InterpretationInput!) { createInterpretation(input: $input) { id } }';
const INTERPRETATION_REQUEST = 'mutation($id: ID!) { requestInterpretationPublication(id: $id, expectedVersion: 1) { id } }';
const CASE_REGISTER = 'mutation($input: OpinionCaseInput!) { registerOpinionCase(input: $input) { id } }';
const CASE_NOTE = 'mutation($id: ID!, $note: String!) { recordOpinionMonitoringNote(caseId: $id, note: $note) { id } }';
const CASE_RESPOND = 'mutation($id: ID!, $input: OpinionResponseInput!) { recordOpinionResponse(caseId: $id, input: $input) { id } }';
const ENTERPRISE_REGISTER = 'mutation($input: EnterpriseInput!) { registerEnterprise(input: $input) { creditCode } }';
const DISCLOSURE_RECORD = 'mutation($input: DisclosureInput!) { recordDisclosure(input: $input) { id } }';
const DISCLOSURE_REQUEST = 'mutation($id: ID!, $v: Int!) { requestDisclosurePublication(id: $id, expectedVersion: $v) { id } }';
const DISCLOSURE_CORRECT = 'mutation($id: ID!, $details: JSON!, $reason: String!) { correctDisclosure(id: $id, expectedVersion: 1, details: $details, reason: $reason) { id } }';
const BLACKLIST_ADD = 'mutation($code: String!, $reason: String!, $basis: String!, $on: Date!) { addToBlacklist(creditCode: $code, reason: $reason, legalBasis: $basis, on: $on) { creditCode } }';
const KEY_MONITORED_LIST = 'mutation($code: String!, $year: Int!) { listKeyMonitoredEnterprise(creditCode: $code, year: $year) { creditCode } }';
const MESSAGE_SUBMIT = 'mutation($input: PublicMessageInput!) { submitPublicMessage(input: $input) { id trackingCode accessKey } }';
const MESSAGE_ROUTE = 'mutation($id: ID!) { routePublicMessage(id: $id, departmentCode: "SUPERVISION") { id } }';
const MESSAGE_ANSWER = 'mutation($id: ID!, $answer: String!) { answerPublicMessage(id: $id, answer: $answer) { id } }';
const ACTIVITY_ANNOUNCE = 'mutation($input: ActivityInput!) { announceActivity(input: $input) { id } }';
const WEBHOOK_REGISTER = 'mutation($input: WebhookInput!) { registerWebhook(input: $input) { id } }';
const REQUEST_SUBMIT = 'mutation($input: InformationRequestInput!) { submitInformationRequest(input: $input) { id trackingCode accessKey } }';
const REQUEST_REGISTER = `mutation($input: InformationRequestInput!, $receivedOn: Date!) {
  registerInformationRequest(input: $input, channel: LETTER, receivedOn: $receivedOn) { id trackingCode accessKey } }`;
const REQUEST_ANSWER = 'mutation($id: ID!, $input: AnswerInput!) { answerInformationRequest(id: $id, input: $input) { id } }';
const ANNUAL_REPORT_SUBMIT = 'mutation($year: Int!, $overview: String!, $problems: String!) { submitAnnualReport(year: $year, overview: $overview, problems: $problems) { year } }';
const POWER_ADJUST = 'mutation($input: PowerListAdjustmentInput!) { adjustPowerListItem(input: $input) { id } }';
const SEMIANNUAL_SUBMIT = 'mutation($year: Int!, $content: String!) { submitSemiannualReport(departmentCode: "SERVICE_WINDOW", year: $year, half: FIRST_HALF, content: $content) { version } }';
const SEMIANNUAL_CONSOLIDATE = 'mutation($year: Int!, $content: String!) { consolidateSemiannualReports(year: $year, half: FIRST_HALF, content: $content) { version } }';
const HEARING_RECORD = 'mutation($year: Int!, $on: Date!, $chair: String!, $summary: String!) { recordLeadershipHearing(year: $year, heldOn: $on, chairedBy: $chair, summary: $summary) { hearingNumber } }';
const INSPECTION_RECORD = 'mutation($input: InspectionInput!) { recordInspection(input: $input) { id } }';
const TASK_ASSIGN = 'mutation($id: ID!, $who: String!) { assignTask(taskId: $id, departmentCode: "OFFICE", assignee: $who) { id } }';
const REVIEWS = 'query($status: ReviewStatus) { publicationReviews(status: $status) { id itemType itemId itemVersion status } }';
const APPROVE = 'mutation($id: ID!) { approvePublicationReview(id: $id, comment: "不涉密，同意公开") { id status } }';

const penaltyOf = (facts: string) => penaltyDetails(facts, { decisionNumber: '云环罚〔2026〕3号', decidedOn: today });
const messageInput = (subject: string, text: string, who: string) => ({
  kind: 'INQUIRY',
  subject,
  text,
  authorName: `${PII}${who}-name`,
  contact: `${PII}${who}-contact`,
  publishable: true,
});
const requestInput = (who: string, description: string) => ({
  applicantType: 'NATURAL_PERSON',
  applicantName: `${PII}${who}-name`,
  // At most 32 letters, digits or hyphens.
  idNumber: `${PII}ID-${who.toUpperCase()}`.slice(0, 32),
  contact: `${PII}${who}-contact`,
  address: `${PII}${who}-address`,
  description,
  preferredForm: 'ELECTRONIC',
});

describe('An anonymous caller sweeping every query of the platform', () => {
  let platform: PlatformProcess;
  const users: Record<string, Headers> = {};
  const records: SeededRecord[] = [];
  const publicMarkers: string[] = [];
  let answers: Answer[] = [];
  let queryFields: string[] = [];
  let notSwept: Record<string, string> = {};

  const url = () => platform.baseUrl;
  const as = (user: string): Headers => users[user]!;
  /** A seeding call that must succeed; what it answers supplies the sweep's arguments. */
  const ok = async <T>(query: string, variables: Record<string, unknown>, headers: Headers = {}): Promise<T> => {
    const result = await graphql<T>(url(), query, variables, headers);
    if (result.errors || !result.data) throw new Error(`${query.slice(0, 100)} failed: ${JSON.stringify(result.errors)}`);
    collectRecords(result.data, records);
    return result.data;
  };
  const published = (marker: string): string => {
    publicMarkers.push(marker);
    return marker;
  };
  const approve = async (itemId: string, itemType?: string): Promise<void> => {
    const review = await eventually(async () => {
      const reviews = await graphql<{ publicationReviews: { id: string; itemType: string; itemId: string }[] }>(url(), REVIEWS, { status: 'PENDING' }, as('reviewer'));
      return reviews.data?.publicationReviews.find((r) => r.itemId === itemId && (itemType === undefined || r.itemType === itemType));
    });
    await ok(APPROVE, { id: review.id }, as('reviewer'));
  };
  /** Waits until an anonymous caller sees `marker` in the answer to `query`. */
  const publiclyVisible = (marker: string, query: string, variables: Record<string, unknown> = {}) =>
    eventually(async () => JSON.stringify((await graphql(url(), query, variables)).data).includes(marker), 15_000);

  const seedServiceCatalogue = async (): Promise<void> => {
    const name = published(`${PUBLIC}service-item`);
    const { draftServiceItem: item } = await ok<{ draftServiceItem: { id: string } }>(SERVICE_DRAFT, { input: serviceGuideInput(`${name} 排污许可证核发`) }, as('window'));
    await ok(SERVICE_REQUEST, { id: item.id, v: 1 }, as('window'));
    await approve(item.id, 'SERVICE_GUIDE');
    await publiclyVisible(name, 'query($id: ID!) { serviceItem(id: $id) { name } }', { id: item.id });
    // The published guide revised: the public keeps reading the reviewed version.
    const revision = serviceGuideInput(`${DRAFT}service-item-revision`, { conditions: `${DRAFT}service-item-revised-conditions` });
    await ok(SERVICE_REVISE, { id: item.id, v: 1, input: { ...revision, changeSummary: `${DRAFT}service-item-change-summary` } }, as('window'));
    await ok(SERVICE_DRAFT, { input: serviceGuideInput(`${DRAFT}service-item-draft`, { conditions: `${DRAFT}service-item-conditions`, location: `${DRAFT}service-item-location` }) }, as('window'));
    const { draftServiceItem: pending } = await ok<{ draftServiceItem: { id: string } }>(SERVICE_DRAFT, { input: serviceGuideInput(`${DRAFT}service-item-pending-review`) }, as('window'));
    await ok(SERVICE_REQUEST, { id: pending.id, v: 1 }, as('window'));
  };

  const seedDecisions = async (): Promise<void> => {
    const title = published(`${PUBLIC}consultation`);
    const draftInput = (text: string) => ({ title: text, kind: 'POLICY', body: `第一条 ${text}-body`, departmentCode: 'REGULATIONS', explanation: `${text}-explanation` });
    const { createDecisionDraft: open } = await ok<{ createDecisionDraft: { id: string } }>(
      DECISION_CREATE,
      { input: { title: `${title} 云浮市扬尘污染防治管理办法`, kind: 'POLICY', body: '第一条 为防治扬尘污染，制定本办法。', departmentCode: 'REGULATIONS', explanation: '起草说明' } },
      as('regulations'),
    );
    await ok(CONSULTATION_REQUEST, { id: open.id, opensOn: today, closesOn: addCalendarDays(today, 29) }, as('regulations'));
    await approve(open.id, 'CONSULTATION_DRAFT');
    await publiclyVisible(title, 'query($id: ID!) { consultation(id: $id) { status draft { title } } }', { id: open.id });
    // Comments of the public: the contact is for the staff; a hidden comment's text is for nobody else.
    await ok(COMMENT, { id: open.id, content: '建议明确施工工地围挡高度不低于2.5米。', name: '张先生', contact: `${PII}commenter-contact` });
    const { submitConsultationComment: hidden } = await ok<{ submitConsultationComment: { id: string } }>(COMMENT, { id: open.id, content: `${INTERNAL}hidden-comment 广告：专业除尘设备` });
    await ok(COMMENT_HIDE, { id: hidden.id, reason: '含有商业广告' }, as('regulations'));

    await ok(DECISION_CREATE, { input: draftInput(`${DRAFT}decision-draft`) }, as('regulations'));
    const { createDecisionDraft: pending } = await ok<{ createDecisionDraft: { id: string } }>(DECISION_CREATE, { input: draftInput(`${DRAFT}consultation-pending-review`) }, as('regulations'));
    await ok(CONSULTATION_REQUEST, { id: pending.id, opensOn: today, closesOn: addCalendarDays(today, 29) }, as('regulations'));

    const { createKeyWorkItem: work } = await ok<{ createKeyWorkItem: { id: string } }>(
      KEY_WORK_CREATE,
      { input: { kind: 'PLAN', title: `${DRAFT}key-work-title`, departmentCode: 'SUPERVISION', description: `${DRAFT}key-work-description` } },
      as('supervision'),
    );
    const report = { period: `${DRAFT}key-work-period`, tasks: `${DRAFT}key-work-tasks`, progress: `${DRAFT}key-work-progress`, results: `${DRAFT}key-work-results`, nextSteps: `${DRAFT}key-work-next-steps` };
    await ok(KEY_WORK_REPORT, { id: work.id, input: report }, as('supervision'));
    await ok(CLEANUP_OPEN, { title: `${DRAFT}cleanup-campaign` }, as('regulations'));
  };

  const seedInterpretations = async (): Promise<void> => {
    const document = { number: '云环〔2026〕88号', title: '云浮市环境监测数据公开办法', issuingDepartmentCode: 'REGULATIONS', issuedOn: today };
    const { registerNormativeDocument: registered } = await ok<{ registerNormativeDocument: { id: string } }>(DOCUMENT_REGISTER, { input: document }, as('regulations'));
    const interpretation = (text: string) => ({ documentId: registered.id, form: 'QA', title: text, content: `${text}-content`, interpreters: [`${text}-interpreter`], departmentCode: 'REGULATIONS' });
    // The interpretations context learns of the document asynchronously.
    await eventually(async () => {
      const created = await graphql(url(), INTERPRETATION_CREATE, { input: interpretation(`${DRAFT}interpretation`) }, as('regulations'));
      if (created.errors) return false;
      collectRecords(created.data, records);
      return true;
    });
    const { createInterpretation: pending } = await ok<{ createInterpretation: { id: string } }>(INTERPRETATION_CREATE, { input: interpretation(`${DRAFT}interpretation-pending-review`) }, as('regulations'));
    await ok(INTERPRETATION_REQUEST, { id: pending.id }, as('regulations'));

    const opinionCase = {
      topic: `${DRAFT}opinion-case-topic`,
      source: 'ONLINE',
      firstSeenAt: beijingInstant(Date.now() - 3_600_000),
      severity: 'GENERAL',
      emergency: false,
      departmentCode: 'SUPERVISION',
    };
    const { registerOpinionCase: registeredCase } = await ok<{ registerOpinionCase: { id: string } }>(CASE_REGISTER, { input: opinionCase }, as('supervision'));
    await ok(CASE_NOTE, { id: registeredCase.id, note: `${INTERNAL}opinion-monitoring-note` }, as('supervision'));
    const response = { kind: 'ONLINE_STATEMENT', at: beijingInstant(Date.now() - 60_000), channel: `${DRAFT}opinion-response-channel`, spokesperson: `${DRAFT}opinion-spokesperson` };
    await ok(CASE_RESPOND, { id: registeredCase.id, input: response }, as('supervision'));
  };

  const seedSupervision = async (): Promise<void> => {
    const supervision = as('supervision');
    await ok(ENTERPRISE_REGISTER, { input: { creditCode: PAPER, name: '罗定某纸业有限公司', address: '罗定市工业园', countyCode: '445381', industry: '造纸' } }, supervision);
    // Nothing about this enterprise was published: not even its name is the public's.
    await ok(ENTERPRISE_REGISTER, { input: { creditCode: CEMENT, name: `${DRAFT}enterprise-name`, address: `${DRAFT}enterprise-address`, countyCode: '445302', industry: '水泥制造' } }, supervision);

    const title = published(`${PUBLIC}disclosure`);
    const penalty = { category: 'ADMINISTRATIVE_PENALTY', enterpriseCreditCode: PAPER, formedOn: today, title: `${title} 云环罚〔2026〕3号`, details: penaltyOf('超标排放水污染物') };
    const { recordDisclosure: disclosure } = await ok<{ recordDisclosure: { id: string } }>(DISCLOSURE_RECORD, { input: penalty }, supervision);
    await ok(DISCLOSURE_REQUEST, { id: disclosure.id, v: 1 }, supervision);
    await approve(disclosure.id);
    await publiclyVisible(title, 'query($id: ID!) { disclosure(id: $id) { title } }', { id: disclosure.id });
    // A correction under review: the public keeps the published version.
    await ok(DISCLOSURE_CORRECT, { id: disclosure.id, details: penaltyOf(`${DRAFT}disclosure-corrected-facts`), reason: `${DRAFT}disclosure-correction-reason` }, supervision);

    const draft = { category: 'ADMINISTRATIVE_PENALTY', enterpriseCreditCode: CEMENT, formedOn: today, title: `${DRAFT}disclosure-title`, details: penaltyOf(`${DRAFT}disclosure-facts`) };
    await ok(DISCLOSURE_RECORD, { input: draft }, supervision);
    const { recordDisclosure: pending } = await ok<{ recordDisclosure: { id: string } }>(DISCLOSURE_RECORD, { input: { ...draft, title: `${DRAFT}disclosure-pending-review` } }, supervision);
    await ok(DISCLOSURE_REQUEST, { id: pending.id, v: 1 }, supervision);
    await ok(BLACKLIST_ADD, { code: CEMENT, reason: `${DRAFT}blacklist-reason`, basis: `${DRAFT}blacklist-legal-basis`, on: today }, supervision);
    await ok(KEY_MONITORED_LIST, { code: CEMENT, year: thisYear }, supervision);
  };

  const seedParticipation = async (): Promise<void> => {
    // Answered, reviewed and published: its question and answer are public, its author is not.
    const subject = published(`${PUBLIC}message-subject`);
    const answer = published(`${PUBLIC}message-answer`);
    const { submitPublicMessage: answered } = await ok<{ submitPublicMessage: { id: string } }>(MESSAGE_SUBMIT, { input: messageInput(subject, '工地夜间施工噪声扰民，请问是否经过审批？', 'published-author') });
    await ok(MESSAGE_ROUTE, { id: answered.id }, as('office'));
    await ok(MESSAGE_ANSWER, { id: answered.id, answer: `${answer} 经核查，该工地未取得夜间施工许可。` }, as('supervision'));
    await approve(answered.id, 'PUBLIC_MESSAGE_ANSWER');
    await publiclyVisible(answer, 'query($id: ID!) { publicMessage(id: $id) { subject answer { text } } }', { id: answered.id });

    // Answered, the answer not yet reviewed: the author may read it, nobody else.
    const { submitPublicMessage: underReview } = await ok<{ submitPublicMessage: { id: string } }>(MESSAGE_SUBMIT, {
      input: messageInput(`${OWN}message-subject-under-review`, `${OWN}message-text-under-review`, 'answered-author'),
    });
    await ok(MESSAGE_ROUTE, { id: underReview.id }, as('office'));
    await ok(MESSAGE_ANSWER, { id: underReview.id, answer: `${OWN}message-answer-under-review` }, as('supervision'));
    // Still waiting at the office.
    await ok(MESSAGE_SUBMIT, { input: messageInput(`${OWN}message-subject-waiting`, `${OWN}message-text-waiting`, 'waiting-author') });

    const activity = { title: `${DRAFT}activity-title`, date: today, place: `${DRAFT}activity-place`, organiser: `${DRAFT}activity-organiser`, description: `${DRAFT}activity-description` };
    await ok(ACTIVITY_ANNOUNCE, { input: activity }, as('office'));
  };

  const seedRequests = async (): Promise<void> => {
    await ok(REQUEST_SUBMIT, { input: requestInput('online', `${OWN}request-description-online`) });
    // A letter answered in part: the passage withheld is a third party's phone number.
    const { registerInformationRequest: letter } = await ok<{ registerInformationRequest: { id: string } }>(REQUEST_REGISTER, {
      input: requestInput('letter', `${OWN}request-description-letter`),
      receivedOn: addCalendarDays(today, -3),
    }, as('window'));
    const disclosed = published(`${PUBLIC}request-answer`);
    const withheld = `${PII}redacted-third-party-phone`;
    const content = `${disclosed} 2025年第三季度：COD 45 mg/L（限值 100 mg/L）。企业联系人手机：${withheld}。`;
    const start = content.indexOf(withheld);
    const input = {
      outcome: 'PARTLY_DISCLOSED',
      answeredOn: addCalendarDays(today, -1),
      legalBasis: '《中华人民共和国政府信息公开条例》第十五条',
      content,
      redactions: [{ start, end: start + withheld.length, reason: '第三方个人信息（负面清单：个人隐私）' }],
    };
    await ok(REQUEST_ANSWER, { id: letter.id, input }, as('window'));
    await approve(letter.id, 'REQUEST_ANSWER');
    await publiclyVisible(disclosed, '{ publishedRequestAnswers { edges { node { content } } } }');
  };

  const seedOversight = async (): Promise<void> => {
    const office = as('office');
    await ok(ANNUAL_REPORT_SUBMIT, { year: thisYear - 1, overview: `${DRAFT}annual-report-overview`, problems: `${DRAFT}annual-report-problems` }, office);
    const power = { adjustment: 'ADD', name: `${DRAFT}power-name`, kind: 'LICENSING', departmentCode: 'EMISSION_TOTALS', legalBasis: `${DRAFT}power-legal-basis`, reason: `${DRAFT}power-reason` };
    await ok(POWER_ADJUST, { input: power }, office);
    await ok(SEMIANNUAL_SUBMIT, { year: thisYear, content: `${INTERNAL}semiannual-report` }, as('window'));
    await ok(SEMIANNUAL_CONSOLIDATE, { year: thisYear, content: `${INTERNAL}bureau-work-report` }, office);
    await ok(HEARING_RECORD, { year: thisYear, on: today, chair: `${INTERNAL}hearing-chair`, summary: `${INTERNAL}hearing-summary` }, office);
    const inspection = {
      kind: 'AD_HOC',
      inspectedOn: today,
      subject: `${INTERNAL}inspection-subject`,
      findings: [{ description: `${INTERNAL}inspection-finding`, departmentCode: 'SERVICE_WINDOW', rectificationDueOn: addCalendarDays(today, 30) }],
    };
    await ok(INSPECTION_RECORD, { input: inspection }, office);
    const task = await eventually(async () => (await graphql<{ tasks: { id: string }[] }>(url(), '{ tasks(departmentCode: "OFFICE") { id } }', {}, office)).data?.tasks[0]);
    await ok(TASK_ASSIGN, { id: task.id, who: `${INTERNAL}task-assignee` }, office);
  };

  beforeAll(async () => {
    platform = await startPlatformProcess();
    for (const user of ['window', 'regulations', 'supervision', 'office', 'reviewer', 'auditor', 'admin']) users[user] = await loginAs(url(), user);

    await Promise.all([seedServiceCatalogue(), seedDecisions(), seedInterpretations(), seedSupervision(), seedParticipation(), seedRequests(), seedOversight()]);
    // Registered last, so that nothing published is delivered to it.
    await ok(WEBHOOK_REGISTER, { input: { name: '短信平台', url: `http://127.0.0.1:9/${INTERNAL}webhook-url`, secret: `${INTERNAL}webhook-secret` } }, as('admin'));
    // Kinds of items and their ids as the review gate names them, and events of the log as the auditor sees them.
    await ok(REVIEWS, {}, as('reviewer'));
    await ok('{ auditTrail(filter: {}, first: 10) { edges { node { eventId: id streamId } } } }', {}, as('auditor'));

    const introspection = await graphql<IntrospectionQuery>(url(), getIntrospectionQuery());
    const schema = buildClientSchema(introspection.data!);
    const fields = Object.values(schema.getQueryType()!.getFields());
    queryFields = fields.map((field) => field.name);
    const now = new Date().toISOString();
    const calls: { field: QueryField; variables: Record<string, unknown> }[] = [];
    for (const field of fields) {
      const variables = callsOf(field, records, now);
      if (typeof variables === 'string') notSwept = { ...notSwept, [field.name]: variables };
      else calls.push(...variables.map((each) => ({ field, variables: each })));
    }

    answers = await inParallel(calls, CONCURRENCY, async ({ field, variables }): Promise<Answer> => {
      let last: Answer | undefined;
      for (let levels = SELECTION_LEVELS; levels >= 1; levels--) {
        const query = operationOf(field, variables, levels);
        if (query === null) continue;
        const result = await graphql(url(), query, variables);
        const refusals = (result.errors ?? []).filter((error) => error.extensions?.code === 'GRAPHQL_VALIDATION_FAILED').map((error) => error.message);
        last = { field: field.name, query, variables, text: JSON.stringify({ data: result.data, errors: result.errors }), refusal: refusals.length > 0 ? refusals.join(' ') : null };
        // Too deep or too costly for the hardening: ask again with a shallower selection.
        if (!refusals.some((message) => /depth|cost|alias/i.test(message))) break;
      }
      return last ?? { field: field.name, query: '', variables, text: '', refusal: 'nothing to select' };
    });
  });

  afterAll(async () => {
    await platform?.stop();
    platform?.cleanup();
  });

  it('finds no draft, staff-only fact or personal data in any answer, by any id the bureau or the public created, today or at an instant', () => {
    const leaks = answers.flatMap((answer) =>
      unique(answer.text.match(HIDDEN_MARKER) ?? [])
        .filter((marker) => !(marker.toUpperCase().startsWith(OWN) && KEY_HOLDER_VIEWS.has(answer.field)))
        .map((marker) => ({ marker, field: answer.field, query: answer.query, variables: answer.variables })),
    );
    expect(leaks).toEqual([]);
  });

  it('sees everything the bureau published, and reads back its own message with its tracking code and access key', () => {
    const seen = new Set(answers.flatMap((answer) => answer.text.match(PUBLIC_MARKER) ?? []));
    expect(publicMarkers.filter((marker) => !seen.has(marker))).toEqual([]);
    const tracked = answers.filter((answer) => answer.field === 'trackPublicMessage').map((answer) => answer.text);
    expect(tracked.join(' ')).toContain(`${OWN}message-answer-under-review`);
  });

  it('asks every query but those a maintainer exempted, each in a form the server accepts', () => {
    expect(notSwept).toEqual(NOT_SWEPT);
    const swept = new Set(answers.map((answer) => answer.field));
    expect([...swept].sort()).toEqual(queryFields.filter((name) => !(name in NOT_SWEPT)).sort());
    expect(swept.size).toBeGreaterThan(30);
    expect(answers.filter((answer) => answer.refusal !== null).map((answer) => ({ field: answer.field, refusal: answer.refusal }))).toEqual([]);
  });
});
