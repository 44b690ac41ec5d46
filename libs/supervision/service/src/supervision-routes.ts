import { CONTEXTS, streamIdOf } from '@gongkai/contracts';
import { badInput } from '@gongkai/kernel';
import { byIdField, type DeciderRoute, route } from '@gongkai/messaging';
import {
  chunkOfRow,
  DISCLOSURE_IMPORT_COMMAND_TYPES,
  DISCLOSURE_RECORD_COMMAND_TYPES,
  disclosureImportDecider,
  disclosureLedgerDecider,
  ENTERPRISE_COMMAND_TYPES,
  enterpriseDecider,
  IMPORT_CHUNK_COMMAND_TYPES,
  parseImportedDisclosureId,
  requireCreditCode,
} from '@gongkai/supervision/domain';

export const enterpriseStreamId = (creditCode: string): string => streamIdOf(CONTEXTS.supervision, 'Enterprise', creditCode);
export const disclosureImportStreamId = (importId: string): string => streamIdOf(CONTEXTS.supervision, 'DisclosureImport', importId);
export const importChunkStreamId = (importId: string, chunk: number): string => streamIdOf(CONTEXTS.supervision, 'DisclosureImportChunk', `${importId}.${chunk}`);

/** A record entered on its own has a stream of its own; an imported row lives in its import's chunk. */
export const disclosureStreamId = (disclosureId: string): string => {
  const imported = parseImportedDisclosureId(disclosureId);
  return imported ? importChunkStreamId(imported.importId, chunkOfRow(imported.row)) : streamIdOf(CONTEXTS.supervision, 'Disclosure', disclosureId);
};

const toChunk = (data: Readonly<Record<string, unknown>>): string => {
  const { chunk } = data;
  if (!Number.isInteger(chunk) || (chunk as number) < 0) throw badInput('INVALID_ID', 'chunk must be a whole number of at least 0.', { field: 'chunk' });
  return byIdField((importId) => importChunkStreamId(importId, chunk as number), 'importId')(data);
};

/** The stream id uses the code as the standard writes it, so that `9144…xg` and `9144…XG` are one enterprise. */
const toEnterprise = (data: Readonly<Record<string, unknown>>): string => enterpriseStreamId(requireCreditCode('creditCode', data['creditCode']));

const routesFor = (types: readonly string[], target: DeciderRoute): Record<string, DeciderRoute> => Object.fromEntries(types.map((type) => [type, target]));

/** Every command of the supervision context and the aggregate stream it goes to. */
export const SUPERVISION_ROUTES: Readonly<Record<string, DeciderRoute>> = {
  ...routesFor(ENTERPRISE_COMMAND_TYPES, route(enterpriseDecider, toEnterprise)),
  ...routesFor(DISCLOSURE_RECORD_COMMAND_TYPES, route(disclosureLedgerDecider, byIdField(disclosureStreamId, 'disclosureId'))),
  ...routesFor(IMPORT_CHUNK_COMMAND_TYPES, route(disclosureLedgerDecider, toChunk)),
  ...routesFor(DISCLOSURE_IMPORT_COMMAND_TYPES, route(disclosureImportDecider, byIdField(disclosureImportStreamId, 'importId'))),
};
