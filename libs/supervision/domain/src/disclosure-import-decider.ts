import { type PublicationSubject, REVIEWED_VERSION_OUTDATED } from '@gongkai/contracts';
import {
  assertNever,
  badInput,
  conflict,
  type DecideContext,
  type Decider,
  notFound,
  requireAgency,
  requireDepartment,
  requireInteger,
  requireOneOf,
  requireRole,
  requireStaffFor,
  requireText,
} from '@gongkai/kernel';
import { CATEGORY_NAMES, DISCLOSURE_CATEGORIES } from './disclosure-categories';
import { IMPORT_CHUNK_ROWS, importContentHash } from './disclosure-ids';
import {
  type DisclosureImportEvent,
  type DisclosureImportState,
  evolveDisclosureImport,
  initialDisclosureImportState,
} from './disclosure-import-events';
import { SUPERVISION_PUBLICATION_ITEM_TYPES } from './publication-items';

/** One import is one file; a million rows is far beyond a year of the bureau's monitoring data. */
export const MAX_IMPORT_ROWS = 1_000_000;

export type DisclosureImportCommand =
  | {
      type: 'StartDisclosureImport';
      data: { importId: string; agencyCode: string; departmentCode: string; category: string; fileName: string; rowCount: number; chunkHashes: readonly string[] };
    }
  | { type: 'CompleteDisclosureImport'; data: { importId: string } }
  | { type: 'RequestDisclosureImportPublication'; data: { importId: string; reviewId: string } }
  | { type: 'PublishReviewedDisclosureImport'; data: { importId: string; contentHash: string; reviewId: string } };

export const DISCLOSURE_IMPORT_COMMAND_TYPES = [
  'StartDisclosureImport',
  'CompleteDisclosureImport',
  'RequestDisclosureImportPublication',
  'PublishReviewedDisclosureImport',
] as const satisfies readonly DisclosureImportCommand['type'][];

type Existing = Exclude<DisclosureImportState, { status: 'NONE' }>;
type CommandOf<T extends DisclosureImportCommand['type']> = Extract<DisclosureImportCommand, { type: T }>;

const requireImport = (state: DisclosureImportState, importId: string, context: DecideContext): Existing => {
  requireRole(context.actor, 'staff', 'office', 'admin');
  if (state.status === 'NONE') throw notFound('IMPORT_NOT_FOUND', `There is no import ${importId}.`);
  requireStaffFor(context, state.agencyCode, state.departmentCode);
  return state;
};

const start = (command: CommandOf<'StartDisclosureImport'>, state: DisclosureImportState, context: DecideContext): DisclosureImportEvent[] => {
  requireRole(context.actor, 'staff', 'office', 'admin');
  const { importId, chunkHashes } = command.data;
  if (state.status !== 'NONE') throw conflict('IMPORT_EXISTS', `Import ${importId} already exists.`);
  const agencyCode = requireAgency('agencyCode', command.data.agencyCode);
  const departmentCode = requireDepartment('departmentCode', command.data.departmentCode);
  requireStaffFor(context, agencyCode, departmentCode);
  const category = requireOneOf('category', command.data.category, DISCLOSURE_CATEGORIES);
  const fileName = requireText('fileName', command.data.fileName, { max: 255 });
  const rowCount = requireInteger('rowCount', command.data.rowCount, { min: 1, max: MAX_IMPORT_ROWS });
  const chunks = Math.ceil(rowCount / IMPORT_CHUNK_ROWS);
  if (!Array.isArray(chunkHashes) || chunkHashes.length !== chunks || !chunkHashes.every((h) => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h))) {
    throw badInput('CHUNK_HASHES', `${rowCount} rows make ${chunks} chunks, each named by its SHA-256.`, { field: 'chunkHashes' });
  }
  const contentHash = importContentHash(importId, category, rowCount, chunkHashes);
  return [
    {
      type: 'DisclosureImportStarted',
      data: { importId, agencyCode, departmentCode, category, fileName, rowCount, chunkHashes: [...chunkHashes], contentHash, startedAt: context.now.toISOString() },
    },
  ];
};

/** The importer says so once every chunk is written; until then no row of the file is shown or published. */
const complete = (command: CommandOf<'CompleteDisclosureImport'>, state: DisclosureImportState, context: DecideContext): DisclosureImportEvent[] => {
  const started = requireImport(state, command.data.importId, context);
  if (started.status !== 'STARTED') return []; // completed already: a retry
  return [{ type: 'DisclosureImportCompleted', data: { importId: started.importId, rowCount: started.rowCount, completedAt: context.now.toISOString() } }];
};

/** 先审查、后公开, one review for the whole file. Asking again replaces a pending (or rejected) review. */
const requestPublication = (command: CommandOf<'RequestDisclosureImportPublication'>, state: DisclosureImportState, context: DecideContext): DisclosureImportEvent[] => {
  const started = requireImport(state, command.data.importId, context);
  if (started.status === 'STARTED') throw conflict('IMPORT_NOT_COMPLETE', `Import ${started.importId} is not complete: its rows cannot be published.`);
  if (started.status === 'PUBLISHED') throw conflict('IMPORT_ALREADY_PUBLISHED', `Import ${started.importId} is already published.`);
  const publicationRequest: PublicationSubject = {
    reviewId: command.data.reviewId,
    itemType: SUPERVISION_PUBLICATION_ITEM_TYPES.disclosureImport,
    itemId: started.importId,
    itemVersion: 1,
    contentHash: started.contentHash,
    title: `批量导入：${CATEGORY_NAMES[started.category]} ${started.rowCount} 条（${started.fileName}）`,
    agencyCode: started.agencyCode,
    departmentCode: started.departmentCode,
    requestedBy: context.actor.id,
  };
  const withdrawn = started.pendingReviewId ? { withdrawnReviewId: started.pendingReviewId } : {};
  return [{ type: 'DisclosureImportPublicationRequested', data: { importId: started.importId, contentHash: started.contentHash, publicationRequest, ...withdrawn } }];
};

const publishReviewed = (command: CommandOf<'PublishReviewedDisclosureImport'>, state: DisclosureImportState, context: DecideContext): DisclosureImportEvent[] => {
  requireRole(context.actor, 'system');
  if (state.status === 'NONE') throw notFound('IMPORT_NOT_FOUND', `There is no import ${command.data.importId}.`);
  if (state.status === 'PUBLISHED') return []; // a redelivery
  const { contentHash, reviewId } = command.data;
  if (state.status !== 'PENDING_REVIEW' || state.pendingReviewId !== reviewId || state.contentHash !== contentHash) {
    throw conflict(REVIEWED_VERSION_OUTDATED, `Import ${state.importId} was submitted again after this review was opened: nothing was published.`);
  }
  return [
    { type: 'DisclosureImportPublished', data: { importId: state.importId, reviewId, contentHash, chunkHashes: state.chunkHashes, publishedAt: context.now.toISOString() } },
  ];
};

export const decideDisclosureImport = (command: DisclosureImportCommand, state: DisclosureImportState, context: DecideContext): DisclosureImportEvent[] => {
  switch (command.type) {
    case 'StartDisclosureImport':
      return start(command, state, context);
    case 'CompleteDisclosureImport':
      return complete(command, state, context);
    case 'RequestDisclosureImportPublication':
      return requestPublication(command, state, context);
    case 'PublishReviewedDisclosureImport':
      return publishReviewed(command, state, context);
    default:
      return assertNever(command);
  }
};

export const disclosureImportDecider: Decider<DisclosureImportCommand, DisclosureImportEvent, DisclosureImportState> = {
  initialState: initialDisclosureImportState,
  decide: decideDisclosureImport,
  evolve: evolveDisclosureImport,
};
