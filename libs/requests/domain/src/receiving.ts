import {
  CITY_AGENCY_CODE,
  badInput,
  conflict,
  type DecideContext,
  requireAccessKeyHash,
  requireAgency,
  requireAgencyScope,
  requireOneOf,
  requireRole,
  requireText,
  requireTrackingCode,
} from '@gongkai/kernel';
import { requireSealedPersonalData } from './applicant';
import type { CommandOf } from './information-request-commands';
import type { InformationRequestEvent, InformationRequestState } from './information-request-events';
import { requireDate, todayOf } from './request-rules';
import { APPLICANT_TYPES, DELIVERY_METHODS, INFORMATION_FORMS, REQUEST_CHANNELS, type RequestChannel } from './request-terms';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Only the keyed hash ever arrives: anything else could be an identity number in clear. */
const fingerprintOf = (value: unknown): { applicantFingerprint?: string } => {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'string' || !SHA256_HEX.test(value)) {
    throw badInput('APPLICANT_FINGERPRINT_NOT_HASHED', 'applicantFingerprint must be the keyed SHA-256 of the identity number, never the number.', { field: 'applicantFingerprint' });
  }
  return { applicantFingerprint: value };
};

/** Requests submitted online go to the office, which co-ordinates open-government work (政府信息公开工作机构). */
const OPEN_GOVERNMENT_OFFICE = 'OFFICE';

/**
 * Receiving (受理). Online, the date of receipt is the day the platform confirms the request
 * (Regulations Art. 31: both sides confirm it); by letter, in person or by fax, staff register it
 * with the day it was signed for, handed in or confirmed.
 */
export const receive = (
  command: CommandOf<'SubmitInformationRequest'> | CommandOf<'RegisterInformationRequest'>,
  state: InformationRequestState,
  context: DecideContext,
): InformationRequestEvent[] => {
  const registered = command.type === 'RegisterInformationRequest';
  // Who may register is settled before what they sent is examined.
  if (registered) requireRole(context.actor, 'staff', 'office');
  const data = command.data;
  if (state.status !== 'NONE') throw conflict('INFORMATION_REQUEST_EXISTS', `Information request ${data.requestId} already exists.`);
  const agencyCode = requireAgency('agencyCode', data.agencyCode ?? (registered ? context.actor.agencyCode : CITY_AGENCY_CODE));
  if (registered) requireAgencyScope(context.actor, agencyCode);
  // Regulations Art. 31
  const channel: RequestChannel = registered ? requireOneOf('channel', command.data.channel, REQUEST_CHANNELS) : 'ONLINE';
  const receivedOn = registered ? requireDate('receivedOn', command.data.receivedOn, context) : todayOf(context);
  const trackingCode = requireTrackingCode(data.trackingCode);
  const accessKeyHash = requireAccessKeyHash(data.accessKeyHash);
  return [
    {
      type: 'InformationRequestReceived',
      data: {
        requestId: data.requestId,
        agencyCode,
        departmentCode: registered ? (context.actor.departmentCode ?? OPEN_GOVERNMENT_OFFICE) : OPEN_GOVERNMENT_OFFICE,
        channel,
        receivedOn,
        trackingCode,
        accessKeyHash,
        applicantType: requireOneOf('applicantType', data.applicantType, APPLICANT_TYPES),
        applicant: requireSealedPersonalData(data.applicant, data.requestId),
        ...fingerprintOf(data.applicantFingerprint),
        // Regulations Art. 29: a description of the information sought.
        description: requireText('description', data.description, { max: 4000 }),
        preferredForm: requireOneOf('preferredForm', data.preferredForm, INFORMATION_FORMS),
        delivery: data.delivery ? requireOneOf('delivery', data.delivery, DELIVERY_METHODS) : channel === 'ONLINE' ? 'ONLINE' : 'POST',
      },
    },
  ];
};
