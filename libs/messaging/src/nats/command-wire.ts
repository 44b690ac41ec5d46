import { badInput, DomainError, ROLES, type Actor, type ErrorCode, type Role } from '@gongkai/kernel';
import { headers as natsHeaders, type Msg, type MsgHdrs } from '@nats-io/transport-node';
import type { CommandEnvelope, CommandErrorReply, CommandMetadata, CommandReply, CommandResult } from '../command-bus';
import { commandSubject, isSubjectToken } from './subjects';
import { decodeStrictUtf8 } from './strict-utf8';

/** Metadata travels in headers, so that a service can route, trace and authorize without parsing the body. */
export const COMMAND_HEADERS = {
  actor: 'Gongkai-Actor',
  correlationId: 'Gongkai-Correlation-Id',
  causationId: 'Gongkai-Causation-Id',
  idempotencyKey: 'Gongkai-Idempotency-Key',
  reason: 'Gongkai-Reason',
} as const;

export interface EncodedCommand {
  readonly subject: string;
  readonly payload: string;
  readonly headers: MsgHdrs;
}

/**
 * Header values must be single-line, and the client trims them: percent-encoding keeps Chinese text,
 * line breaks in a reason and leading spaces intact, and is reversible with decodeURIComponent.
 */
const encodeHeader = (value: string): string => encodeURIComponent(value);

export const encodeCommand = (command: CommandEnvelope): EncodedCommand => {
  const { metadata } = command;
  const headers = natsHeaders();
  headers.set(COMMAND_HEADERS.actor, encodeHeader(JSON.stringify(metadata.actor)));
  headers.set(COMMAND_HEADERS.correlationId, encodeHeader(metadata.correlationId));
  if (metadata.causationId !== undefined) headers.set(COMMAND_HEADERS.causationId, encodeHeader(metadata.causationId));
  if (metadata.idempotencyKey !== undefined) headers.set(COMMAND_HEADERS.idempotencyKey, encodeHeader(metadata.idempotencyKey));
  if (metadata.reason !== undefined) headers.set(COMMAND_HEADERS.reason, encodeHeader(metadata.reason));
  return { subject: commandSubject(command.context, command.type), payload: JSON.stringify({ data: command.data }), headers };
};

const malformed = (message: string, details: Record<string, unknown> = {}): DomainError => badInput('MALFORMED_COMMAND', message, details);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const readHeader = (headers: MsgHdrs | undefined, name: string): string | undefined => {
  const raw = headers?.has(name) ? headers.get(name) : undefined;
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    throw malformed(`Header ${name} is not percent-encoded text.`, { header: name });
  }
};

const optionalText = (record: Record<string, unknown>, field: string): string | undefined => {
  const value = record[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw malformed(`actor.${field} must be text.`, { field: `actor.${field}` });
  return value;
};

const parseActor = (text: string | undefined): Actor => {
  if (text === undefined) throw malformed(`Header ${COMMAND_HEADERS.actor} is missing.`, { header: COMMAND_HEADERS.actor });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw malformed(`Header ${COMMAND_HEADERS.actor} is not JSON.`, { header: COMMAND_HEADERS.actor });
  }
  if (!isRecord(value) || typeof value['id'] !== 'string' || value['id'] === '') throw malformed('actor.id is required.', { field: 'actor.id' });
  const roles = value['roles'];
  if (!Array.isArray(roles) || !roles.every((role): role is Role => (ROLES as readonly unknown[]).includes(role))) {
    throw malformed('actor.roles must be a list of known roles.', { field: 'actor.roles' });
  }
  const agencyCode = optionalText(value, 'agencyCode');
  const departmentCode = optionalText(value, 'departmentCode');
  const displayName = optionalText(value, 'displayName');
  return {
    id: value['id'],
    roles,
    ...(agencyCode !== undefined ? { agencyCode } : {}),
    ...(departmentCode !== undefined ? { departmentCode } : {}),
    ...(displayName !== undefined ? { displayName } : {}),
  };
};

const parseMetadata = (headers: MsgHdrs | undefined): CommandMetadata => {
  const actor = parseActor(readHeader(headers, COMMAND_HEADERS.actor));
  const correlationId = readHeader(headers, COMMAND_HEADERS.correlationId);
  if (!correlationId) throw malformed(`Header ${COMMAND_HEADERS.correlationId} is missing.`, { header: COMMAND_HEADERS.correlationId });
  const causationId = readHeader(headers, COMMAND_HEADERS.causationId);
  const idempotencyKey = readHeader(headers, COMMAND_HEADERS.idempotencyKey);
  const reason = readHeader(headers, COMMAND_HEADERS.reason);
  return {
    actor,
    correlationId,
    ...(causationId !== undefined ? { causationId } : {}),
    ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
    ...(reason !== undefined ? { reason } : {}),
  };
};

/** Rebuilds the envelope a sender encoded; anything malformed is the sender's fault (BAD_USER_INPUT). */
export const decodeCommand = (msg: Pick<Msg, 'subject' | 'headers' | 'data'>, context: string): CommandEnvelope => {
  const prefix = `${commandSubject(context, '')}`;
  const type = msg.subject.startsWith(prefix) ? msg.subject.slice(prefix.length) : '';
  if (!isSubjectToken(type)) throw malformed(`Subject ${msg.subject} does not name a command of ${context}.`, { subject: msg.subject });
  let body: unknown;
  try {
    body = JSON.parse(decodeStrictUtf8(msg.data));
  } catch {
    throw malformed('The command body is not UTF-8 JSON.');
  }
  if (!isRecord(body)) throw malformed('The command body must be a JSON object with a data field.');
  return { context, type, data: body['data'], metadata: parseMetadata(msg.headers) };
};

export const encodeReply = (reply: CommandReply): string => JSON.stringify(reply);

/** Every ErrorCode, so that a reply with an unknown code is recognised as malformed (the compiler keeps it complete). */
const ERROR_CODES: Readonly<Record<ErrorCode, true>> = {
  BAD_USER_INPUT: true,
  UNAUTHENTICATED: true,
  FORBIDDEN: true,
  NOT_FOUND: true,
  CONFLICT: true,
  RATE_LIMITED: true,
  SERVICE_UNAVAILABLE: true,
};

const isErrorCode = (value: unknown): value is ErrorCode => typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);

const badReply = (context: string): DomainError =>
  new DomainError('SERVICE_UNAVAILABLE', 'MALFORMED_REPLY', `${context} answered with a reply this service cannot read.`, { context });

const parseResult = (value: unknown): CommandResult | undefined =>
  isRecord(value) && typeof value['streamId'] === 'string' && typeof value['revision'] === 'number' && typeof value['position'] === 'number'
    ? { streamId: value['streamId'], revision: value['revision'], position: value['position'] }
    : undefined;

const parseError = (value: unknown): CommandErrorReply | undefined => {
  if (!isRecord(value) || !isErrorCode(value['code']) || typeof value['rule'] !== 'string' || typeof value['message'] !== 'string') return undefined;
  const details = value['details'];
  if (details !== undefined && !isRecord(details)) return undefined;
  return { code: value['code'], rule: value['rule'], message: value['message'], ...(details ? { details } : {}) };
};

/** The result of a reply, or the context's DomainError thrown again on this side. */
export const decodeReply = (payload: string, context: string): CommandResult => {
  let reply: unknown;
  try {
    reply = JSON.parse(payload);
  } catch {
    throw badReply(context);
  }
  if (isRecord(reply) && reply['ok'] === true) {
    const result = parseResult(reply['result']);
    if (result) return result;
  }
  if (isRecord(reply) && reply['ok'] === false) {
    const error = parseError(reply['error']);
    if (error) throw new DomainError(error.code, error.rule, error.message, error.details ?? {});
  }
  throw badReply(context);
};
