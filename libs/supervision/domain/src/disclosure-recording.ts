import { badInput, conflict, type DecideContext, DomainError, isDomainError, requireAgency, requireDepartment, requireOneOf, requireRole, requireStaffFor } from '@gongkai/kernel';
import { DISCLOSURE_CATEGORIES } from './disclosure-categories';
import { type DisclosureContent, readDisclosureContent, validateDisclosureContent } from './disclosure-content';
import { todayOf } from './disclosure-guards';
import { chunkOfRow, IMPORT_CHUNK_ROWS, importChunkHash, importedDisclosureId, type ImportedRow } from './disclosure-ids';
import type { DisclosureLedgerCommandOf } from './disclosure-ledger-commands';
import type { DisclosureLedgerEvent, DisclosureLedgerState } from './disclosure-ledger-events';
import { publicationDueOn } from './publication-deadline';

/** Records one disclosure record as version 1, due for publication by its category's period (Regulations Art. 26). */
export const recordDisclosure = (command: DisclosureLedgerCommandOf<'RecordDisclosure'>, state: DisclosureLedgerState, context: DecideContext): DisclosureLedgerEvent[] => {
  // Who may act is settled before what they sent is examined: the public learns nothing from validation.
  requireRole(context.actor, 'staff', 'office', 'admin');
  const { data } = command;
  if (state.records.size > 0) throw conflict('DISCLOSURE_EXISTS', `Disclosure record ${data.disclosureId} already exists.`);
  const agencyCode = requireAgency('agencyCode', data.agencyCode);
  const departmentCode = requireDepartment('departmentCode', data.departmentCode);
  requireStaffFor(context, agencyCode, departmentCode);
  const content = validateDisclosureContent(data, { today: todayOf(context), now: context.now });
  const dueOn = publicationDueOn(content.category, content.formedOn, context.calendar);
  const { details, ...identity } = content;
  return [{ type: 'DisclosureRecorded', data: { disclosureId: data.disclosureId, agencyCode, departmentCode, ...identity, details, publicationDueOn: dueOn } }];
};

/** A row of an import, checked again by the domain: the importer's check is a courtesy, this one is the rule. */
const importedRow = (importId: string, category: string, row: DisclosureLedgerCommandOf<'ImportDisclosureChunk'>['data']['rows'][number], clock: { today: string; now: Date }): ImportedRow => {
  try {
    const content = readDisclosureContent(
      {
        category,
        enterpriseCreditCode: row.enterpriseCreditCode,
        formedOn: row.formedOn,
        title: row.title,
        valueOf: (field) => row.details[field.name],
        source: 'json',
      },
      clock,
    ) as DisclosureContent;
    return { disclosureId: importedDisclosureId(importId, row.row), row: row.row, content };
  } catch (error) {
    // Say which row: the error is raised for the whole chunk.
    if (!isDomainError(error)) throw error;
    throw new DomainError(error.code, error.rule, `Row ${row.row}: ${error.message}`, { ...error.details, row: row.row });
  }
};

/**
 * One chunk of a bulk import (批量导入): every row becomes its own event, in one append. Rows are
 * numbered as the file shows them and must all belong to this chunk.
 */
export const importDisclosureChunk = (
  command: DisclosureLedgerCommandOf<'ImportDisclosureChunk'>,
  state: DisclosureLedgerState,
  context: DecideContext,
): DisclosureLedgerEvent[] => {
  requireRole(context.actor, 'staff', 'office', 'admin');
  const { importId, chunk, rows } = command.data;
  if (state.records.size > 0 || state.chunk) throw conflict('IMPORT_CHUNK_EXISTS', `Chunk ${chunk} of import ${importId} is already recorded.`);
  const agencyCode = requireAgency('agencyCode', command.data.agencyCode);
  const departmentCode = requireDepartment('departmentCode', command.data.departmentCode);
  requireStaffFor(context, agencyCode, departmentCode);
  const category = requireOneOf('category', command.data.category, DISCLOSURE_CATEGORIES);
  if (!Array.isArray(rows) || rows.length === 0 || rows.length > IMPORT_CHUNK_ROWS) {
    throw badInput('CHUNK_SIZE', `A chunk holds 1 to ${IMPORT_CHUNK_ROWS} rows.`, { field: 'rows' });
  }
  rows.forEach((row, i) => {
    const inOrder = i === 0 || row.row > rows[i - 1].row;
    if (!Number.isInteger(row.row) || chunkOfRow(row.row) !== chunk || !inOrder) {
      throw badInput('ROW_OUTSIDE_CHUNK', `Row ${row.row} does not belong at position ${i} of chunk ${chunk}.`, { row: row.row });
    }
  });
  const clock = { today: todayOf(context), now: context.now };
  const imported = rows.map((row) => importedRow(importId, category, row, clock));
  const events: DisclosureLedgerEvent[] = imported.map(({ disclosureId, row, content: { details, ...identity } }) => ({
    type: 'DisclosureImported',
    data: { disclosureId, agencyCode, departmentCode, ...identity, importId, row, details, publicationDueOn: publicationDueOn(category, identity.formedOn, context.calendar) },
  }));
  events.push({ type: 'DisclosureImportChunkRecorded', data: { importId, chunk, rowCount: rows.length, chunkHash: importChunkHash(importId, chunk, imported) } });
  return events;
};
