import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { InterpretationContent, OpinionCaseEvent, PolicyDocumentEvent } from '@gongkai/interpretations/domain';
import type { Actor } from '@gongkai/kernel';

let position = 0;

/** An event as the store would hand it to a projection. */
export const recorded = (streamId: string, revision: number, event: PolicyDocumentEvent | OpinionCaseEvent, occurredAt = '2026-04-02T02:00:00.000Z'): RecordedEvent => ({
  id: `event-${++position}`,
  type: event.type,
  schemaVersion: 1,
  streamId,
  revision,
  globalPosition: position,
  occurredAt,
  data: event.data,
  metadata: { actor: { id: 'demo-regulations', roles: ['staff'] }, correlationId: 'c', causationId: null },
  prevHash: '0'.repeat(64),
  hash: 'f'.repeat(64),
});

export const anonymous: Actor = { id: 'anonymous', roles: ['public'] };
export const regulations: Actor = { id: 'demo-regulations', roles: ['staff'], agencyCode: '445300', departmentCode: 'REGULATIONS' };
export const countyStaff: Actor = { id: 'demo-county', roles: ['staff'], agencyCode: '445381', departmentCode: 'REGULATIONS' };
export const auditor: Actor = { id: 'demo-auditor', roles: ['auditor'], agencyCode: '445300' };

export const interpretationContent = (title: string, change: Partial<InterpretationContent> = {}): InterpretationContent => ({
  form: 'TEXT',
  title,
  content: `${title}的正文`,
  mediaUrl: '',
  interpreters: ['法规科 李科长'],
  departmentCode: 'REGULATIONS',
  ...change,
});

export const publicationRequest = (itemId: string, reviewId: string) => ({
  reviewId,
  itemType: 'POLICY_INTERPRETATION' as const,
  itemId,
  itemVersion: 1,
  contentHash: 'a'.repeat(64),
  title: 't',
  agencyCode: '445300',
  departmentCode: 'REGULATIONS',
  requestedBy: 'demo-regulations',
});
