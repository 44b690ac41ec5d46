import { CONTEXTS } from '@gongkai/contracts';
import type { DecisionDraftEvent } from '@gongkai/decisions/domain';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import { systemActor } from '@gongkai/kernel';
import type { CommandBus, EventConsumer } from '@gongkai/messaging';

const actor = systemActor('decisions.register-adopted-policy');

type Adopted = Extract<DecisionDraftEvent, { type: 'DecisionAdopted' }>['data'];

/**
 * An adopted policy is a normative document (规范性文件): it enters its agency's register under
 * the number it was adopted with. The decider decided that; this only carries it to the register.
 */
export const registerAdoptedPolicy = (commands: CommandBus): EventConsumer => ({
  durableName: 'decisions.register-adopted-policy',
  contexts: [CONTEXTS.decisions],
  async handle(event: RecordedEvent) {
    if (event.type !== 'DecisionAdopted') return;
    const { draftId, agencyCode, normativeDocument } = event.data as Adopted;
    if (!normativeDocument) return;
    const { documentId, ...document } = normativeDocument;
    await commands.send({
      context: CONTEXTS.decisions,
      type: 'RegisterNormativeDocument',
      data: { agencyCode, documentId, document, summary: '', sourceDraftId: draftId },
      metadata: { actor, correlationId: event.metadata.correlationId, causationId: event.id, idempotencyKey: `register:${draftId}` },
    });
  },
});

