import type { NormativeRegisterEvent } from '@gongkai/decisions/domain';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import { type Projection, type ReadStore, withPublication } from '@gongkai/read-store';
import { CLEANUP_CAMPAIGNS, type CleanupCampaignDocument, NORMATIVE_DOCUMENTS, type NormativeDocumentDocument, type PublishedCleanupResults } from './normative-register-documents';

type EventOf<T extends NormativeRegisterEvent['type']> = Extract<NormativeRegisterEvent, { type: T }>['data'];

/** The register of normative documents and its clean-up campaigns, one document each. */
export const normativeRegisterProjection: Projection = {
  name: 'decisions.normative-register',
  version: 3,
  collections: [NORMATIVE_DOCUMENTS, CLEANUP_CAMPAIGNS],
  indexes: {
    [NORMATIVE_DOCUMENTS]: [{ keys: { agencyCode: 1, number: 1 }, unique: true }, { keys: { issuedOn: -1 } }],
    [CLEANUP_CAMPAIGNS]: [{ keys: { agencyCode: 1, openedOn: -1 } }],
  },
  handles: [
    'NormativeDocumentRegistered',
    'NormativeDocumentAmended',
    'NormativeDocumentRepealed',
    'CleanupCampaignOpened',
    'CleanupItemConcluded',
    'CleanupResultPublicationRequested',
    'CleanupResultPublished',
  ],

  async apply(event: RecordedEvent, store: ReadStore): Promise<void> {
    const documents = store.collection<NormativeDocumentDocument>(NORMATIVE_DOCUMENTS);
    const campaigns = store.collection<CleanupCampaignDocument>(CLEANUP_CAMPAIGNS);
    const at = event.occurredAt;
    switch (event.type as NormativeRegisterEvent['type']) {
      case 'NormativeDocumentRegistered': {
        const { agencyCode, documentId, document, summary, sourceDraftId } = event.data as EventOf<'NormativeDocumentRegistered'>;
        await documents.replaceOne(
          { _id: documentId },
          { _id: documentId, agencyCode, ...document, summary, amendments: [], firstAmendedOn: null, repealedOn: null, repeal: null, sourceDraftId: sourceDraftId ?? null, registeredAt: at },
          { upsert: true },
        );
        return;
      }
      case 'NormativeDocumentAmended': {
        const { documentId, amendedOn, summary } = event.data as EventOf<'NormativeDocumentAmended'>;
        const document = await documents.findOne({ _id: documentId });
        if (!document) return;
        const firstAmendedOn = document.firstAmendedOn && document.firstAmendedOn < amendedOn ? document.firstAmendedOn : amendedOn;
        await documents.updateOne({ _id: documentId }, { $set: { firstAmendedOn }, $push: { amendments: { amendedOn, summary, recordedAt: at } } });
        return;
      }
      case 'NormativeDocumentRepealed': {
        const { documentId, repealedOn, reason, campaignId } = event.data as EventOf<'NormativeDocumentRepealed'>;
        await documents.updateOne({ _id: documentId }, { $set: { repealedOn, repeal: { reason, campaignId: campaignId ?? null, recordedAt: at } } });
        return;
      }
      case 'CleanupCampaignOpened': {
        const { agencyCode, campaignId, title, openedOn, scope } = event.data as EventOf<'CleanupCampaignOpened'>;
        await campaigns.replaceOne(
          { _id: campaignId },
          {
            _id: campaignId,
            agencyCode,
            title,
            openedOn,
            items: scope.map((item) => ({ ...item, conclusion: null, reason: '' })),
            status: 'OPEN',
            pendingReviewId: null,
            pendingResults: null,
            published: null,
            publicationHistory: [],
            updatedAt: at,
          },
          { upsert: true },
        );
        return;
      }
      case 'CleanupItemConcluded': {
        const { campaignId, documentId, conclusion, reason } = event.data as EventOf<'CleanupItemConcluded'>;
        const campaign = await campaigns.findOne({ _id: campaignId });
        if (!campaign) return;
        const items = campaign.items.map((item) => (item.documentId === documentId ? { ...item, conclusion, reason } : item));
        // A changed conclusion withdraws the results under review.
        await campaigns.updateOne({ _id: campaignId }, { $set: { items, status: 'OPEN', pendingReviewId: null, pendingResults: null, updatedAt: at } });
        return;
      }
      case 'CleanupResultPublicationRequested': {
        const { campaignId, resultVersion, results, contentHash, publicationRequest } = event.data as EventOf<'CleanupResultPublicationRequested'>;
        await campaigns.updateOne(
          { _id: campaignId },
          { $set: { status: 'PENDING_REVIEW', pendingReviewId: publicationRequest.reviewId, pendingResults: { version: resultVersion, results, contentHash }, updatedAt: at } },
        );
        return;
      }
      case 'CleanupResultPublished': {
        const { campaignId, publishedAt } = event.data as EventOf<'CleanupResultPublished'>;
        const campaign = await campaigns.findOne({ _id: campaignId });
        if (!campaign?.pendingResults) return;
        const published: PublishedCleanupResults = { ...campaign.pendingResults, publishedAt };
        await campaigns.updateOne(
          { _id: campaignId },
          {
            $set: {
              status: 'PUBLISHED',
              pendingReviewId: null,
              pendingResults: null,
              published,
              publicationHistory: withPublication(campaign.publicationHistory, published, publishedAt),
              updatedAt: at,
            },
          },
        );
        return;
      }
    }
  },
};
