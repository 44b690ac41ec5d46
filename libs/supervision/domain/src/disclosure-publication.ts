import { type PublicationSubject, REVIEWED_VERSION_OUTDATED } from '@gongkai/contracts';
import { conflict, type DecideContext, notFound, requireRole } from '@gongkai/kernel';
import { localDateOf } from '@gongkai/calendar';
import { requireCurrentVersion, requireEditableRecord, requireRecord, todayOf } from './disclosure-guards';
import { disclosureVersionHash } from './disclosure-ids';
import type { DisclosureLedgerCommandOf } from './disclosure-ledger-commands';
import type { DisclosureLedgerEvent, DisclosureLedgerState, DisclosureRecordState } from './disclosure-ledger-events';
import { isLate } from './publication-deadline';
import { SUPERVISION_PUBLICATION_ITEM_TYPES } from './publication-items';

/** The content of the record's current version, as the reviewer sees and approves it. */
export const currentVersionHash = (record: DisclosureRecordState): string =>
  disclosureVersionHash(record.disclosureId, record.version, {
    category: record.category,
    enterpriseCreditCode: record.enterpriseCreditCode,
    formedOn: record.formedOn,
    title: record.title,
    details: record.details,
  });

/** 先审查、后公开: submits exactly the current version for confidentiality review. */
export const requestDisclosurePublication = (
  command: DisclosureLedgerCommandOf<'RequestDisclosurePublication'>,
  state: DisclosureLedgerState,
  context: DecideContext,
): DisclosureLedgerEvent[] => {
  const record = requireEditableRecord(state, command.data.disclosureId, context);
  requireCurrentVersion(record, command.data.expectedVersion);
  if (record.status === 'PENDING_REVIEW') throw conflict('REVIEW_ALREADY_PENDING', `Version ${record.version} of ${record.disclosureId} is already waiting for review.`);
  if (record.publishedVersion === record.version) throw conflict('VERSION_ALREADY_PUBLISHED', `Version ${record.version} of ${record.disclosureId} is already published.`);
  if (record.importId && record.version === 1) {
    throw conflict('PUBLISHED_WITH_ITS_IMPORT', `${record.disclosureId} is published with import ${record.importId}: request publication of the import.`);
  }
  const hash = currentVersionHash(record);
  const publicationRequest: PublicationSubject = {
    reviewId: command.data.reviewId,
    itemType: SUPERVISION_PUBLICATION_ITEM_TYPES.disclosure,
    itemId: record.disclosureId,
    itemVersion: record.version,
    contentHash: hash,
    title: record.title,
    agencyCode: record.agencyCode,
    departmentCode: record.departmentCode,
    requestedBy: context.actor.id,
  };
  return [{ type: 'DisclosurePublicationRequested', data: { disclosureId: record.disclosureId, version: record.version, contentHash: hash, publicationRequest } }];
};

/** Publishes only the version and content a reviewer approved; late when after the due day (Regulations Art. 26). */
export const publishReviewedDisclosure = (
  command: DisclosureLedgerCommandOf<'PublishReviewedDisclosure'>,
  state: DisclosureLedgerState,
  context: DecideContext,
): DisclosureLedgerEvent[] => {
  requireRole(context.actor, 'system');
  const record = requireRecord(state, command.data.disclosureId);
  const { version, contentHash, reviewId } = command.data;
  if (record.publishedVersion === version && record.status === 'PUBLISHED') return []; // a redelivery
  const current =
    record.status === 'PENDING_REVIEW' &&
    record.version === version &&
    record.pendingReviewId === reviewId &&
    record.pendingContentHash === contentHash &&
    currentVersionHash(record) === contentHash;
  if (!current) throw conflict(REVIEWED_VERSION_OUTDATED, `${record.disclosureId} changed after version ${version} was reviewed: nothing was published.`);
  const publishedOn = todayOf(context);
  return [
    {
      type: 'DisclosurePublished',
      data: { disclosureId: record.disclosureId, version, contentHash, reviewId, publishedAt: context.now.toISOString(), publishedOn, late: isLate(record.publicationDueOn, publishedOn) },
    },
  ];
};

/**
 * Publishes the rows of one chunk of an approved import exactly as imported. A row corrected or
 * revoked since is left out: its newer version goes through a review of its own.
 */
export const publishImportedChunk = (command: DisclosureLedgerCommandOf<'PublishImportedChunk'>, state: DisclosureLedgerState, context: DecideContext): DisclosureLedgerEvent[] => {
  requireRole(context.actor, 'system');
  const { importId, chunk, chunkHash, reviewId, publishedAt } = command.data;
  if (!state.chunk || state.chunk.importId !== importId || state.chunk.chunk !== chunk) throw notFound('IMPORT_CHUNK_NOT_FOUND', `Import ${importId} has no chunk ${chunk}.`);
  if (state.chunk.published) return [];
  if (state.chunk.chunkHash !== chunkHash) throw conflict(REVIEWED_VERSION_OUTDATED, `Chunk ${chunk} of import ${importId} is not the content that was reviewed.`);
  const skippedIds = [...state.records.values()].filter((r) => r.version !== 1 || r.status === 'REVOKED').map((r) => r.disclosureId);
  return [{ type: 'ImportedDisclosuresPublished', data: { importId, chunk, reviewId, publishedAt, publishedOn: localDateOf(new Date(publishedAt)), skippedIds } }];
};
