import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { PolicyDocumentEvent } from '@gongkai/interpretations/domain';
import { type Projection, type ReadStore, withPublication } from '@gongkai/read-store';
import { INTERPRETATIONS, type InterpretationDocument, POLICY_DOCUMENTS, type PolicyDocumentDocument } from './interpretation-documents';

type EventOf<T extends PolicyDocumentEvent['type']> = Extract<PolicyDocumentEvent, { type: T }>['data'];

const newDocument = (data: EventOf<'PolicyDocumentNoted'>, at: string): PolicyDocumentDocument => ({
  _id: data.documentId,
  agencyCode: data.agencyCode,
  departmentCode: data.departmentCode,
  title: data.title,
  documentNumber: null,
  stage: 'KNOWN',
  publishedOn: null,
  interpretationDueOn: null,
  interpretationSubmitted: null,
  met: null,
  interpretationCount: 0,
  withdrawal: null,
  updatedAt: at,
});

/** Policy documents with their interpretation obligations, and the interpretations themselves. */
export const policyInterpretationsProjection: Projection = {
  name: 'interpretations.policy-interpretations',
  version: 2,
  collections: [POLICY_DOCUMENTS, INTERPRETATIONS],
  indexes: {
    [POLICY_DOCUMENTS]: [{ keys: { agencyCode: 1, stage: 1, interpretationDueOn: 1 } }],
    [INTERPRETATIONS]: [{ keys: { documentId: 1 } }, { keys: { 'published.publishedAt': -1 } }, { keys: { agencyCode: 1, updatedAt: -1 } }],
  },
  handles: [
    'PolicyDocumentNoted',
    'PolicyDocumentPublished',
    'PolicyDocumentWithdrawn',
    'InterpretationDrafted',
    'InterpretationRevised',
    'InterpretationPublicationRequested',
    'InterpretationHeldForDocument',
    'InterpretationPublished',
    'InterpretationReviewWithdrawn',
  ],

  async apply(event: RecordedEvent, store: ReadStore): Promise<void> {
    const documents = store.collection<PolicyDocumentDocument>(POLICY_DOCUMENTS);
    const interpretations = store.collection<InterpretationDocument>(INTERPRETATIONS);
    const at = event.occurredAt;
    const setInterpretation = (id: string, set: Record<string, unknown>) => interpretations.updateOne({ _id: id }, { $set: { ...set, updatedAt: at } });
    switch (event.type as PolicyDocumentEvent['type']) {
      case 'PolicyDocumentNoted': {
        const data = event.data as EventOf<'PolicyDocumentNoted'>;
        const existing = await documents.findOne({ _id: data.documentId });
        if (existing) await documents.updateOne({ _id: data.documentId }, { $set: { title: data.title, departmentCode: data.departmentCode, updatedAt: at } });
        else await documents.replaceOne({ _id: data.documentId }, newDocument(data, at), { upsert: true });
        return;
      }
      case 'PolicyDocumentPublished': {
        const data = event.data as EventOf<'PolicyDocumentPublished'>;
        const existing = (await documents.findOne({ _id: data.documentId })) ?? newDocument(data, at);
        const { interpretationDueOn, interpretationSubmitted, publishedOn, documentNumber, title, departmentCode } = data;
        await documents.replaceOne(
          { _id: data.documentId },
          { ...existing, stage: 'PUBLISHED', title, departmentCode, documentNumber: documentNumber || null, publishedOn, interpretationDueOn, interpretationSubmitted, updatedAt: at },
          { upsert: true },
        );
        return;
      }
      case 'PolicyDocumentWithdrawn': {
        const data = event.data as EventOf<'PolicyDocumentWithdrawn'>;
        await documents.updateOne({ _id: data.documentId }, { $set: { stage: 'WITHDRAWN', withdrawal: { reason: data.reason, withdrawnAt: data.withdrawnAt }, updatedAt: at } });
        return;
      }
      case 'InterpretationDrafted': {
        const data = event.data as EventOf<'InterpretationDrafted'>;
        await interpretations.replaceOne(
          { _id: data.interpretationId },
          {
            _id: data.interpretationId,
            documentId: data.documentId,
            agencyCode: data.agencyCode,
            status: 'DRAFT',
            version: 1,
            content: data.content,
            pendingReviewId: null,
            published: null,
            firstPublication: null,
            publicationHistory: [],
            createdAt: at,
            updatedAt: at,
          },
          { upsert: true },
        );
        await documents.updateOne({ _id: data.documentId }, { $inc: { interpretationCount: 1 }, $set: { updatedAt: at } });
        return;
      }
      case 'InterpretationRevised': {
        const data = event.data as EventOf<'InterpretationRevised'>;
        await setInterpretation(data.interpretationId, { status: 'DRAFT', version: data.version, content: data.content, pendingReviewId: null });
        return;
      }
      case 'InterpretationPublicationRequested': {
        const data = event.data as EventOf<'InterpretationPublicationRequested'>;
        await setInterpretation(data.interpretationId, { status: 'PENDING_REVIEW', pendingReviewId: data.publicationRequest.reviewId });
        return;
      }
      case 'InterpretationHeldForDocument': {
        const data = event.data as EventOf<'InterpretationHeldForDocument'>;
        await setInterpretation(data.interpretationId, { status: 'APPROVED' });
        return;
      }
      case 'InterpretationPublished': {
        const data = event.data as EventOf<'InterpretationPublished'>;
        const [interpretation, document] = await Promise.all([interpretations.findOne({ _id: data.interpretationId }), documents.findOne({ _id: data.documentId })]);
        if (!interpretation || !document) return;
        const { publishedOn, interpretationDueOn, onTime } = data;
        const published = {
          version: data.version,
          content: interpretation.content,
          contentHash: data.contentHash,
          reviewId: data.reviewId,
          publishedAt: data.publishedAt,
          publishedOn,
          document: { title: document.title, documentNumber: document.documentNumber },
        };
        await setInterpretation(data.interpretationId, {
          status: 'PUBLISHED',
          pendingReviewId: null,
          published,
          publicationHistory: withPublication(interpretation.publicationHistory, published, data.publishedAt),
          firstPublication: interpretation.firstPublication ?? { publishedOn, interpretationDueOn, onTime },
        });
        if (!document.met) await documents.updateOne({ _id: data.documentId }, { $set: { met: { interpretationId: data.interpretationId, publishedOn, onTime }, updatedAt: at } });
        return;
      }
      case 'InterpretationReviewWithdrawn': {
        const data = event.data as EventOf<'InterpretationReviewWithdrawn'>;
        await setInterpretation(data.interpretationId, { status: 'DRAFT', pendingReviewId: null });
        return;
      }
    }
  },
};
