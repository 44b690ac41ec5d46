import { CONTEXTS, streamIdOf } from '@gongkai/contracts';
import { byIdField, type DeciderRoute, route } from '@gongkai/messaging';
import { INFORMATION_REQUEST_COMMAND_TYPES, informationRequestDecider } from '@gongkai/requests/domain';

export const informationRequestStreamId = (requestId: string): string => streamIdOf(CONTEXTS.requests, 'InformationRequest', requestId);

const toInformationRequest = byIdField(informationRequestStreamId, 'requestId');

/** Every command of the requests context and the aggregate stream it goes to: one stream per request. */
export const REQUESTS_ROUTES: Readonly<Record<string, DeciderRoute>> = Object.fromEntries(
  INFORMATION_REQUEST_COMMAND_TYPES.map((type) => [type, route(informationRequestDecider, toInformationRequest)]),
);
