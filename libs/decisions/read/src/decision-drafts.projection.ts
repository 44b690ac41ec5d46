import type { DecisionDraftEvent } from '@gongkai/decisions/domain';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import { type Projection, type ReadStore, withPublication } from '@gongkai/read-store';
import { CONSULTATION_COMMENTS, type ConsultationCommentDocument, DECISION_DRAFTS, type DecisionDraftDocument } from './decision-draft-document';

type EventOf<T extends DecisionDraftEvent['type']> = Extract<DecisionDraftEvent, { type: T }>['data'];

const applyToComments = async (event: RecordedEvent, store: ReadStore): Promise<void> => {
  const comments = store.collection<ConsultationCommentDocument>(CONSULTATION_COMMENTS);
  switch (event.type as DecisionDraftEvent['type']) {
    case 'ConsultationCommentHidden': {
      const data = event.data as EventOf<'ConsultationCommentHidden'>;
      await comments.updateOne({ _id: data.commentId }, { $set: { hidden: true, hiddenReason: data.reason, hiddenAt: data.hiddenAt } });
      return;
    }
    case 'ConsultationCommentsDisposed': {
      const { commentIds, group, disposition, reason, disposedAt } = event.data as EventOf<'ConsultationCommentsDisposed'>;
      for (const id of commentIds) await comments.updateOne({ _id: id }, { $set: { disposal: { group, disposition, reason, disposedAt } } });
      return;
    }
    case 'FeedbackPublished': {
      const drafts = store.collection<DecisionDraftDocument>(DECISION_DRAFTS);
      const draft = await drafts.findOne({ _id: (event.data as EventOf<'FeedbackPublished'>).draftId });
      for (const group of draft?.publishedFeedback?.report.groups ?? []) {
        for (const id of group.commentIds) await comments.updateOne({ _id: id }, { $set: { publishedDisposal: { disposition: group.disposition, reason: group.reason } } });
      }
      return;
    }
    default:
      return;
  }
};

/** The decisions read model: one document per draft, one per comment. */
export const decisionDraftsProjection: Projection = {
  name: 'decisions.decision-drafts',
  version: 2,
  collections: [DECISION_DRAFTS, CONSULTATION_COMMENTS],
  indexes: {
    [DECISION_DRAFTS]: [{ keys: { agencyCode: 1, updatedAt: -1 } }, { keys: { 'consultation.publishedAt': 1 } }],
    [CONSULTATION_COMMENTS]: [{ keys: { draftId: 1, submittedAt: 1 } }],
  },
  handles: [
    'DecisionDraftCreated',
    'DecisionDraftRevised',
    'ConsultationRequested',
    'ConsultationPublished',
    'ConsultationCommentSubmitted',
    'ConsultationCommentHidden',
    'ConsultationCommentsDisposed',
    'FeedbackPublicationRequested',
    'FeedbackPublished',
    'DecisionAdopted',
    'DecisionWithdrawn',
  ],

  async apply(event: RecordedEvent, store: ReadStore): Promise<void> {
    const drafts = store.collection<DecisionDraftDocument>(DECISION_DRAFTS);
    const at = event.occurredAt;
    const draftId = (event.data as { draftId: string }).draftId;
    const draft = event.type === 'DecisionDraftCreated' ? null : await drafts.findOne({ _id: draftId });
    const update = (set: Record<string, unknown>, more: Record<`$${string}`, Record<string, unknown>> = {}) =>
      drafts.updateOne({ _id: draftId }, { $set: { ...set, updatedAt: at }, ...more });
    switch (event.type as DecisionDraftEvent['type']) {
      case 'DecisionDraftCreated': {
        const data = event.data as EventOf<'DecisionDraftCreated'>;
        await drafts.replaceOne(
          { _id: draftId },
          {
            _id: draftId,
            agencyCode: data.agencyCode,
            status: 'DRAFT',
            version: 1,
            content: data.content,
            revisions: [{ version: 1, changeSummary: '', createdAt: at, createdBy: event.metadata.actor.id }],
            consultation: null,
            commentCount: 0,
            hiddenCount: 0,
            pendingFeedback: null,
            publishedFeedback: null,
            adoption: null,
            normativeDocumentId: null,
            withdrawal: null,
            adoptedAt: null,
            consultationHistory: [],
            feedbackHistory: [],
            createdAt: at,
            updatedAt: at,
          },
          { upsert: true },
        );
        return;
      }
      case 'DecisionDraftRevised': {
        const data = event.data as EventOf<'DecisionDraftRevised'>;
        const consultation = draft?.consultation?.publishedAt ? draft.consultation : null;
        await update(
          { version: data.version, content: data.content, consultation },
          { $push: { revisions: { version: data.version, changeSummary: data.changeSummary, createdAt: at, createdBy: event.metadata.actor.id } } },
        );
        return;
      }
      case 'ConsultationRequested': {
        const data = event.data as EventOf<'ConsultationRequested'>;
        if (!draft) return;
        const consultation = { terms: data.terms, draftVersion: data.draftVersion, content: draft.content, reviewId: data.publicationRequest.reviewId, contentHash: data.contentHash, requestedAt: at, publishedAt: null };
        await update({ consultation });
        return;
      }
      case 'ConsultationPublished': {
        const data = event.data as EventOf<'ConsultationPublished'>;
        const published = draft?.consultation ? { ...draft.consultation, publishedAt: data.publishedAt } : null;
        const consultationHistory = published ? withPublication(draft?.consultationHistory, published, data.publishedAt) : (draft?.consultationHistory ?? []);
        await update({ 'consultation.publishedAt': data.publishedAt, consultationHistory });
        return;
      }
      case 'ConsultationCommentSubmitted': {
        const data = event.data as EventOf<'ConsultationCommentSubmitted'>;
        await store.collection<ConsultationCommentDocument>(CONSULTATION_COMMENTS).replaceOne(
          { _id: data.commentId },
          {
            _id: data.commentId,
            draftId,
            agencyCode: draft?.agencyCode ?? '',
            content: data.content,
            authorName: data.authorName,
            contact: data.contact ?? null,
            submittedAt: data.submittedAt,
            hidden: false,
            hiddenReason: null,
            hiddenAt: null,
            disposal: null,
            publishedDisposal: null,
          },
          { upsert: true },
        );
        await update({}, { $inc: { commentCount: 1 } });
        return;
      }
      case 'ConsultationCommentHidden':
        await applyToComments(event, store);
        // A hidden comment changes the report under review: the gate withdrew that review.
        await update({ pendingFeedback: null }, { $inc: { hiddenCount: 1 } });
        return;
      case 'ConsultationCommentsDisposed':
        await applyToComments(event, store);
        await update({ pendingFeedback: null });
        return;
      case 'FeedbackPublicationRequested': {
        const data = event.data as EventOf<'FeedbackPublicationRequested'>;
        const pendingFeedback = { version: data.feedbackVersion, report: data.report, reviewId: data.publicationRequest.reviewId, contentHash: data.contentHash, requestedAt: at, publishedAt: null };
        await update({ pendingFeedback });
        return;
      }
      case 'FeedbackPublished': {
        const data = event.data as EventOf<'FeedbackPublished'>;
        if (!draft?.pendingFeedback) return;
        const publishedFeedback = { ...draft.pendingFeedback, publishedAt: data.publishedAt };
        await update({ publishedFeedback, pendingFeedback: null, feedbackHistory: withPublication(draft.feedbackHistory, publishedFeedback, data.publishedAt) });
        await applyToComments(event, store);
        return;
      }
      case 'DecisionAdopted': {
        const data = event.data as EventOf<'DecisionAdopted'>;
        await update({ status: 'ADOPTED', adoption: data.adoption, adoptedAt: at, normativeDocumentId: data.normativeDocument?.documentId ?? null });
        return;
      }
      case 'DecisionWithdrawn': {
        const data = event.data as EventOf<'DecisionWithdrawn'>;
        const consultation = draft?.consultation?.publishedAt ? draft.consultation : null;
        await update({ status: 'WITHDRAWN', withdrawal: { reason: data.reason, withdrawnAt: data.withdrawnAt }, consultation, pendingFeedback: null });
        return;
      }
    }
  },
};
