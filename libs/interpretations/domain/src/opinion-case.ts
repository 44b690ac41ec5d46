import { badInput, requireBoolean, requireDepartment, requireOneOf, requireText } from '@gongkai/kernel';
import { addClockHours, requirePastInstant } from './instant';

/** Where the bureau first saw the public concern (舆情来源). */
export const OPINION_SOURCES = ['ONLINE', 'MEDIA', 'PETITION', 'OTHER'] as const;
export type OpinionSource = (typeof OPINION_SOURCES)[number];

/** Severity as the emergency plans grade events: 一般, 重大, 特别重大. */
export const SEVERITIES = ['GENERAL', 'MAJOR', 'ESPECIALLY_MAJOR'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A public-opinion case (政务舆情) as the bureau logs it. */
export interface OpinionCaseDetails {
  readonly topic: string;
  readonly source: OpinionSource;
  /** When the bureau first saw it (UTC). */
  readonly firstSeenAt: string;
  readonly severity: Severity;
  /** An environmental emergency (突发环境事件) behind the opinion. */
  readonly emergency: boolean;
  /** When the incident happened (UTC); required for an emergency, whose clock starts there. */
  readonly incidentAt: string | null;
  /** The lead department (牵头科室). */
  readonly departmentCode: string;
  /** 第一新闻发言人: the bureau's principal leader, recorded for a major or especially major emergency. */
  readonly firstSpokesperson: string;
}

// Work plan, section 四 (加强舆情处置与回应): 特别重大、重大突发事件发生后，应在24小时内举行新闻发布会;
// 遇有重大突发事件时，局主要负责人要当好"第一新闻发言人". Clock hours from the incident, not working days.
export const PRESS_CONFERENCE_HOURS = 24;

export const needsPressConference = (details: Pick<OpinionCaseDetails, 'emergency' | 'severity'>): boolean =>
  details.emergency && (details.severity === 'MAJOR' || details.severity === 'ESPECIALLY_MAJOR');

/** The instant by which the press conference must have been held; null when the rule does not apply. */
export const pressConferenceDueAt = (details: Pick<OpinionCaseDetails, 'emergency' | 'severity' | 'incidentAt'>): string | null =>
  needsPressConference(details) && details.incidentAt ? addClockHours(details.incidentAt, PRESS_CONFERENCE_HOURS) : null;

/**
 * Overdue once the due instant has passed without a press conference: judged at the first press
 * conference, or at closing, or else now — so a case settled late stays marked late.
 */
export const isPressConferenceOverdue = (
  facts: { readonly pressConferenceDueAt: string | null; readonly firstPressConferenceAt?: string | null; readonly closedAt?: string | null },
  now: Date,
): boolean => {
  if (!facts.pressConferenceDueAt) return false;
  const settledAt = facts.firstPressConferenceAt ?? facts.closedAt ?? now.toISOString();
  return Date.parse(settledAt) > Date.parse(facts.pressConferenceDueAt);
};

/** Validates raw input on `now`; every problem names its field and rule. */
export const validateOpinionCase = (input: Readonly<Record<string, unknown>>, now: Date): OpinionCaseDetails => {
  const topic = requireText('topic', input['topic'], { max: 500 });
  const source = requireOneOf('source', input['source'], OPINION_SOURCES);
  const firstSeenAt = requirePastInstant('firstSeenAt', input['firstSeenAt'], now);
  const severity = requireOneOf('severity', input['severity'], SEVERITIES);
  const emergency = requireBoolean('emergency', input['emergency']);
  const rawIncident = input['incidentAt'];
  const incidentAt = rawIncident === undefined || rawIncident === null || rawIncident === '' ? null : requirePastInstant('incidentAt', rawIncident, now);
  if (emergency && !incidentAt) throw badInput('INCIDENT_TIME_REQUIRED', 'An environmental emergency needs the time of the incident: the 24-hour clock starts there.', { field: 'incidentAt' });
  if (incidentAt && Date.parse(incidentAt) > Date.parse(firstSeenAt)) {
    throw badInput('INCIDENT_AFTER_FIRST_SEEN', `The public cannot have been concerned (${firstSeenAt}) before the incident happened (${incidentAt}).`, { field: 'incidentAt' });
  }
  const departmentCode = requireDepartment('departmentCode', input['departmentCode']);
  const firstSpokesperson = requireText('firstSpokesperson', input['firstSpokesperson'], { max: 100, optional: true });
  if (needsPressConference({ emergency, severity }) && !firstSpokesperson) {
    throw badInput('FIRST_SPOKESPERSON_REQUIRED', 'In a major emergency the bureau’s principal leader is the first spokesperson (第一新闻发言人): name them.', {
      field: 'firstSpokesperson',
    });
  }
  return { topic, source, firstSeenAt, severity, emergency, incidentAt, departmentCode, firstSpokesperson };
};
