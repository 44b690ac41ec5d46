import { localDateOf } from '@gongkai/calendar';
import { CONTEXTS } from '@gongkai/contracts';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import { systemActor } from '@gongkai/kernel';
import type { CommandBus, EventConsumer } from '@gongkai/messaging';
import type {
  DecisionAdoptedSeen,
  DecisionDraftCreatedSeen,
  DecisionDraftRevisedSeen,
  DecisionWithdrawnSeen,
  NormativeDocumentRegisteredSeen,
} from './decisions-published-language';

const actor = systemActor('interpretations.policy-documents');

interface Command {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly idempotencyKey: string;
}

/** What each decisions event means here; undefined for the events that do not concern interpretations. */
const commandFor = (event: RecordedEvent): Command | undefined => {
  switch (event.type) {
    case 'DecisionDraftCreated': {
      const { draftId, agencyCode, content } = event.data as DecisionDraftCreatedSeen;
      return { type: 'NotePolicyDocument', data: { documentId: draftId, agencyCode, departmentCode: content.departmentCode, title: content.title }, idempotencyKey: `note:${event.id}` };
    }
    case 'DecisionDraftRevised': {
      const { draftId, content } = event.data as DecisionDraftRevisedSeen;
      return { type: 'NotePolicyDocument', data: { documentId: draftId, departmentCode: content.departmentCode, title: content.title }, idempotencyKey: `note:${event.id}` };
    }
    case 'DecisionAdopted': {
      const { draftId, agencyCode, adoption, normativeDocument } = event.data as DecisionAdoptedSeen;
      return {
        type: 'RecordPolicyDocumentPublication',
        data: {
          documentId: draftId,
          agencyCode,
          // Only a policy's adoption names its department; for the others it is the drafting one noted before.
          departmentCode: normativeDocument?.issuingDepartmentCode ?? null,
          title: adoption.title,
          documentNumber: adoption.documentNumber,
          publishedOn: adoption.adoptedOn,
        },
        idempotencyKey: `published:${event.id}`,
      };
    }
    case 'NormativeDocumentRegistered': {
      const { agencyCode, documentId, document } = event.data as NormativeDocumentRegisteredSeen;
      return {
        type: 'RecordPolicyDocumentPublication',
        // The register is public from the moment of registration: that day is the publication day here.
        data: { documentId, agencyCode, departmentCode: document.issuingDepartmentCode, title: document.title, documentNumber: document.number, publishedOn: localDateOf(new Date(event.occurredAt)) },
        idempotencyKey: `published:${event.id}`,
      };
    }
    case 'DecisionWithdrawn': {
      const { draftId, reason } = event.data as DecisionWithdrawnSeen;
      return { type: 'RecordPolicyDocumentWithdrawal', data: { documentId: draftId, reason }, idempotencyKey: `withdrawn:${event.id}` };
    }
    default:
      return undefined;
  }
};

/**
 * 谁起草、谁解读: this context learns of policy documents from the decisions context's events —
 * drafts (so that interpretations can be written with them), adoptions and register entries (their
 * publication starts the three-working-day clock) and withdrawals. It never reads decisions' stores.
 */
export const followPolicyDocuments = (commands: CommandBus): EventConsumer => ({
  durableName: 'interpretations.follow-policy-documents',
  contexts: [CONTEXTS.decisions],
  async handle(event: RecordedEvent) {
    const command = commandFor(event);
    if (!command) return;
    await commands.send({
      context: CONTEXTS.interpretations,
      type: command.type,
      data: command.data,
      metadata: { actor, correlationId: event.metadata.correlationId, causationId: event.id, idempotencyKey: command.idempotencyKey },
    });
  },
});
