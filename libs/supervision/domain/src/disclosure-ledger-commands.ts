import type { Details } from './category-rules';

/** A row of a bulk import as the importer read and checked it; the chunk's decider checks it again. */
export interface ImportRowInput {
  readonly row: number;
  readonly enterpriseCreditCode: string | null;
  readonly formedOn: string;
  readonly title: string;
  readonly details: Details;
}

export type DisclosureLedgerCommand =
  | {
      type: 'RecordDisclosure';
      data: {
        disclosureId: string;
        agencyCode: string;
        departmentCode: string;
        category: string;
        enterpriseCreditCode?: string | null;
        formedOn: string;
        title: string;
        details: unknown;
      };
    }
  | { type: 'ImportDisclosureChunk'; data: { importId: string; chunk: number; agencyCode: string; departmentCode: string; category: string; rows: readonly ImportRowInput[] } }
  | { type: 'CorrectDisclosure'; data: { disclosureId: string; expectedVersion: number; details: unknown; reason: string } }
  | { type: 'RevokeDisclosure'; data: { disclosureId: string; reason: string; decisionRevokedOn?: string | null } }
  | { type: 'RequestDisclosurePublication'; data: { disclosureId: string; expectedVersion: number; reviewId: string } }
  | { type: 'PublishReviewedDisclosure'; data: { disclosureId: string; version: number; contentHash: string; reviewId: string } }
  | { type: 'PublishImportedChunk'; data: { importId: string; chunk: number; chunkHash: string; reviewId: string; publishedAt: string } };

export type DisclosureLedgerCommandOf<T extends DisclosureLedgerCommand['type']> = Extract<DisclosureLedgerCommand, { type: T }>;

/** Commands addressed to one record (routed by its id) and to one chunk of an import. */
export const DISCLOSURE_RECORD_COMMAND_TYPES = [
  'RecordDisclosure',
  'CorrectDisclosure',
  'RevokeDisclosure',
  'RequestDisclosurePublication',
  'PublishReviewedDisclosure',
] as const satisfies readonly DisclosureLedgerCommand['type'][];
export const IMPORT_CHUNK_COMMAND_TYPES = ['ImportDisclosureChunk', 'PublishImportedChunk'] as const satisfies readonly DisclosureLedgerCommand['type'][];
