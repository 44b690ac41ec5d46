import { badInput, requireOneOf, requireText, requireUrl } from '@gongkai/kernel';
import { requirePastInstant } from './instant';
import type { OpinionCaseDetails } from './opinion-case';

/** How the bureau speaks (回应方式): 网上发布, 专家解读, 新闻发布会, 媒体专访. */
export const OPINION_RESPONSE_KINDS = ['ONLINE_STATEMENT', 'EXPERT_INTERPRETATION', 'PRESS_CONFERENCE', 'MEDIA_INTERVIEW'] as const;
export type OpinionResponseKind = (typeof OPINION_RESPONSE_KINDS)[number];

/** One response to a public-opinion case, as it happened. */
export interface OpinionResponse {
  readonly kind: OpinionResponseKind;
  /** When the bureau spoke (UTC). */
  readonly at: string;
  /** Where: the website, the WeChat account, a newspaper, the press room. */
  readonly channel: string;
  readonly spokesperson: string;
  readonly link: string;
}

/** The clock of a case starts at its incident, or, without one, when the concern was first seen. */
export const caseStartOf = (details: Pick<OpinionCaseDetails, 'incidentAt' | 'firstSeenAt'>): string => details.incidentAt ?? details.firstSeenAt;

export const validateOpinionResponse = (input: Readonly<Record<string, unknown>>, details: OpinionCaseDetails, now: Date): OpinionResponse => {
  const kind = requireOneOf('kind', input['kind'], OPINION_RESPONSE_KINDS);
  const at = requirePastInstant('at', input['at'], now);
  const start = caseStartOf(details);
  if (Date.parse(at) < Date.parse(start)) {
    throw badInput('RESPONSE_BEFORE_INCIDENT', `A response at ${at} cannot come before the ${details.incidentAt ? 'incident' : 'concern it answers'} (${start}).`, { field: 'at' });
  }
  return {
    kind,
    at,
    channel: requireText('channel', input['channel'], { max: 200 }),
    spokesperson: requireText('spokesperson', input['spokesperson'], { max: 100 }),
    link: requireUrl('link', input['link'], { optional: true }),
  };
};
