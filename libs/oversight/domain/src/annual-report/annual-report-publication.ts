import { type PublicationRequestMarker, type PublicationSubject, REVIEWED_VERSION_OUTDATED, type ReviewWithdrawalMarker } from '@gongkai/contracts';
import {
  assertNever,
  badInput,
  canonicalJson,
  conflict,
  contentHash,
  type DecideContext,
  type Decider,
  findAgency,
  notFound,
  requireAgency,
  requireAgencyScope,
  requireRole,
  requireText,
} from '@gongkai/kernel';
import { requireId, requireYear, todayOf } from '../oversight-rules';
import { annualReportDueOn } from './annual-report';

export const ANNUAL_REPORT_ITEM_TYPE = 'ANNUAL_REPORT';

/** What a reviewer approves and the public reads: the figures as computed, and the office's text. */
export interface AnnualReportContent {
  readonly agencyCode: string;
  readonly year: number;
  /** 一、总体情况 */
  readonly overview: string;
  /** The computed figures (sections 二 to 四), exactly as they were when submitted. */
  readonly figures: Readonly<Record<string, unknown>>;
  /** 五、存在的主要问题及改进情况 */
  readonly problems: string;
  /** 六、其他需要报告的事项 */
  readonly otherMatters: string;
}

export type AnnualReportEvent =
  | { type: 'AnnualReportSubmitted'; data: { agencyCode: string; year: number; version: number; content: AnnualReportContent; contentHash: string } & PublicationRequestMarker & Partial<ReviewWithdrawalMarker> }
  | { type: 'AnnualReportPublished'; data: { agencyCode: string; year: number; version: number; contentHash: string; reviewId: string; publishedAt: string; publishedOn: string; dueOn: string; late: boolean } };

export type AnnualReportState = {
  version: number;
  pending?: { version: number; reviewId: string; contentHash: string };
  publishedVersion?: number;
};

export type AnnualReportCommand =
  | {
      type: 'SubmitAnnualReport';
      data: { agencyCode: string; year: number; reviewId: string; overview: string; problems: string; otherMatters: string; figures: unknown };
    }
  | { type: 'PublishReviewedAnnualReport'; data: { agencyCode: string; year: number; version: number; contentHash: string; reviewId: string } };

export const ANNUAL_REPORT_COMMAND_TYPES: readonly AnnualReportCommand['type'][] = ['SubmitAnnualReport', 'PublishReviewedAnnualReport'];

const MAX_FIGURES_JSON = 5_000_000;

const requireFigures = (value: unknown): Readonly<Record<string, unknown>> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badInput('FIGURES_REQUIRED', 'figures must be the computed report.', { field: 'figures' });
  if (canonicalJson(value).length > MAX_FIGURES_JSON) throw badInput('TOO_LONG', 'figures is larger than any annual report.', { field: 'figures' });
  return value as Readonly<Record<string, unknown>>;
};

/** The office submits the report for the confidentiality review once the year is over (Regulations Art. 49). */
const submit = (command: Extract<AnnualReportCommand, { type: 'SubmitAnnualReport' }>, state: AnnualReportState, context: DecideContext): AnnualReportEvent[] => {
  requireRole(context.actor, 'office');
  const agencyCode = requireAgency('agencyCode', command.data.agencyCode);
  requireAgencyScope(context.actor, agencyCode);
  const year = requireYear('year', command.data.year);
  if (todayOf(context) < `${year + 1}-01-01`) throw badInput('REPORT_YEAR_NOT_OVER', `The report on ${year} can be submitted from ${year + 1}-01-01.`, { field: 'year' });
  const content: AnnualReportContent = {
    agencyCode,
    year,
    overview: requireText('overview', command.data.overview, { max: 20_000 }),
    figures: requireFigures(command.data.figures),
    problems: requireText('problems', command.data.problems, { max: 20_000 }),
    otherMatters: requireText('otherMatters', command.data.otherMatters, { max: 20_000, optional: true }),
  };
  const version = state.version + 1;
  const hash = contentHash(content);
  const publicationRequest: PublicationSubject = {
    reviewId: requireId('reviewId', command.data.reviewId),
    itemType: ANNUAL_REPORT_ITEM_TYPE,
    itemId: `${agencyCode}-${year}`,
    itemVersion: version,
    contentHash: hash,
    title: `${findAgency(agencyCode)?.name ?? agencyCode}${year}年政府信息公开工作年度报告`,
    agencyCode,
    departmentCode: 'OFFICE',
    requestedBy: context.actor.id,
  };
  // A new version takes the place of one still waiting for review: that review is superseded.
  const withdrawn = state.pending ? { withdrawnReviewId: state.pending.reviewId } : {};
  return [{ type: 'AnnualReportSubmitted', data: { agencyCode, year, version, content, contentHash: hash, publicationRequest, ...withdrawn } }];
};

/** 先审查、后公开: the version approved is published, and whether it met 31 January is recorded. */
const publish = (command: Extract<AnnualReportCommand, { type: 'PublishReviewedAnnualReport' }>, state: AnnualReportState, context: DecideContext): AnnualReportEvent[] => {
  requireRole(context.actor, 'system');
  if (state.version === 0) throw notFound('ANNUAL_REPORT_NOT_FOUND', `No annual report of ${command.data.agencyCode} for ${command.data.year} was submitted.`);
  if (state.publishedVersion === command.data.version && !state.pending) return []; // a redelivery
  const { pending } = state;
  if (!pending || pending.version !== command.data.version || pending.reviewId !== command.data.reviewId || pending.contentHash !== command.data.contentHash) {
    throw conflict(REVIEWED_VERSION_OUTDATED, `The annual report changed after version ${command.data.version} was reviewed: nothing was published.`);
  }
  const publishedOn = todayOf(context);
  const dueOn = annualReportDueOn(command.data.year);
  return [
    {
      type: 'AnnualReportPublished',
      data: { agencyCode: command.data.agencyCode, year: command.data.year, version: pending.version, contentHash: pending.contentHash, reviewId: pending.reviewId, publishedAt: context.now.toISOString(), publishedOn, dueOn, late: publishedOn > dueOn },
    },
  ];
};

const evolve = (state: AnnualReportState, event: AnnualReportEvent): AnnualReportState => {
  switch (event.type) {
    case 'AnnualReportSubmitted':
      return { ...state, version: event.data.version, pending: { version: event.data.version, reviewId: event.data.publicationRequest.reviewId, contentHash: event.data.contentHash } };
    case 'AnnualReportPublished':
      return { ...state, pending: undefined, publishedVersion: event.data.version };
  }
};

export const annualReportDecider: Decider<AnnualReportCommand, AnnualReportEvent, AnnualReportState> = {
  initialState: () => ({ version: 0 }),
  decide: (command, state, context) => {
    switch (command.type) {
      case 'SubmitAnnualReport':
        return submit(command, state, context);
      case 'PublishReviewedAnnualReport':
        return publish(command, state, context);
      default:
        return assertNever(command);
    }
  },
  evolve,
};
