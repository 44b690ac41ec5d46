import { defaultCalendar } from '@gongkai/calendar';
import { DeciderSpecification } from '@gongkai/kernel/testing';
import { importChunkHash, importedDisclosureId } from './disclosure-ids';
import type { DisclosureLedgerCommand, ImportRowInput } from './disclosure-ledger-commands';
import { disclosureLedgerDecider } from './disclosure-ledger-decider';
import type { DisclosureLedgerEvent } from './disclosure-ledger-events';
import { currentVersionHash } from './disclosure-publication';
import { COUNTY_STAFF, ENFORCEMENT, LUODING_PAPER, MONITORING, SYSTEM, VALID_RECORDS, YUNCHENG_CEMENT } from './disclosure.fixtures';

const given = DeciderSpecification.for(disclosureLedgerDecider, { now: '2026-02-11T02:00:00Z', actor: ENFORCEMENT, calendar: defaultCalendar() });

const id = 'penalty-1';
const penalty = VALID_RECORDS.ADMINISTRATIVE_PENALTY;
const record: DisclosureLedgerCommand = {
  type: 'RecordDisclosure',
  data: { disclosureId: id, agencyCode: '445300', departmentCode: 'ENFORCEMENT_BRANCH', category: 'ADMINISTRATIVE_PENALTY', formedOn: '2026-02-10', ...penalty },
};
const recorded: DisclosureLedgerEvent = {
  type: 'DisclosureRecorded',
  data: {
    disclosureId: id,
    agencyCode: '445300',
    departmentCode: 'ENFORCEMENT_BRANCH',
    category: 'ADMINISTRATIVE_PENALTY',
    enterpriseCreditCode: LUODING_PAPER,
    formedOn: '2026-02-10',
    title: penalty.title,
    details: penalty.details,
    // 7 working days across the Spring Festival (publication-deadline.unit.spec.ts counts them).
    publicationDueOn: '2026-02-26',
  },
};
const hashV1 = currentVersionHash({ ...recorded.data, importId: null, status: 'DRAFT', version: 1 } as Parameters<typeof currentVersionHash>[0]);
const publicationRequest = {
  reviewId: 'review-1',
  itemType: 'DISCLOSURE_RECORD' as const,
  itemId: id,
  itemVersion: 1,
  contentHash: hashV1,
  title: penalty.title,
  agencyCode: '445300',
  departmentCode: 'ENFORCEMENT_BRANCH',
  requestedBy: ENFORCEMENT.id,
};
const requested: DisclosureLedgerEvent = { type: 'DisclosurePublicationRequested', data: { disclosureId: id, version: 1, contentHash: hashV1, publicationRequest } };
const publish = (contentHash = hashV1, version = 1, reviewId = 'review-1'): DisclosureLedgerCommand => ({
  type: 'PublishReviewedDisclosure',
  data: { disclosureId: id, version, contentHash, reviewId },
});
const published: DisclosureLedgerEvent = {
  type: 'DisclosurePublished',
  data: { disclosureId: id, version: 1, contentHash: hashV1, reviewId: 'review-1', publishedAt: '2026-02-11T02:00:00.000Z', publishedOn: '2026-02-11', late: false },
};
const correctedDetails = { ...penalty.details, amountFen: 20_000_000 };
const correct = (expectedVersion = 1, details: unknown = correctedDetails): DisclosureLedgerCommand => ({
  type: 'CorrectDisclosure',
  data: { disclosureId: id, expectedVersion, details, reason: '罚款金额笔误' },
});

describe('Disclosure records (监管信息)', () => {
  describe('recording', () => {
    it('records version 1, due 7 working days after the decision', () => {
      given([]).when(record).then([recorded]);
    });

    it('is for bureau staff only', () => {
      given([]).when(record, { actor: { id: 'anonymous', roles: ['public'] } }).thenThrows('UNAUTHENTICATED', 'ROLE_REQUIRED');
    });

    it('keeps county staff to their own agency and staff to their own department', () => {
      given([]).when(record, { actor: COUNTY_STAFF }).thenThrows('FORBIDDEN', 'OUTSIDE_AGENCY_SCOPE');
      given([]).when(record, { actor: MONITORING }).thenThrows('FORBIDDEN', 'OUTSIDE_DEPARTMENT_SCOPE');
    });

    it('refuses invalid details with the rule and the field', () => {
      const monitoring: DisclosureLedgerCommand = {
        type: 'RecordDisclosure',
        data: {
          disclosureId: id,
          agencyCode: '445300',
          departmentCode: 'MONITORING_STATION',
          category: 'SUPERVISORY_MONITORING',
          formedOn: '2026-02-10',
          ...VALID_RECORDS.SUPERVISORY_MONITORING,
          details: { ...VALID_RECORDS.SUPERVISORY_MONITORING.details, measuredValue: '超标' },
        },
      };
      expect(given([]).when(monitoring, { actor: MONITORING }).thenThrows('BAD_USER_INPUT', 'NOT_A_NUMBER').details).toEqual({ field: 'measuredValue' });
    });

    it('refuses a second record with the same id', () => {
      given([recorded]).when(record).thenThrows('CONFLICT', 'DISCLOSURE_EXISTS');
    });
  });

  describe('correcting (更正): a new version with its reason, never an edit', () => {
    it('makes version 2, due from the day of the change (Regulations Art. 26)', () => {
      given([recorded])
        .when(correct())
        .then([
          {
            type: 'DisclosureCorrected',
            data: { disclosureId: id, version: 2, details: correctedDetails, reason: '罚款金额笔误', correctedOn: '2026-02-11', publicationDueOn: '2026-02-27' },
          },
        ]);
    });

    it('withdraws the review pending for the version it replaces', () => {
      expect(given([recorded, requested]).when(correct()).events()[0].data).toMatchObject({ version: 2, withdrawnReviewId: 'review-1' });
    });

    it('refuses a stale version, a change that changes nothing, and a missing reason', () => {
      given([recorded]).when(correct(2)).thenThrows('CONFLICT', 'STALE_VERSION');
      given([recorded]).when(correct(1, penalty.details)).thenThrows('BAD_USER_INPUT', 'CORRECTION_CHANGES_NOTHING');
      given([recorded]).when({ type: 'CorrectDisclosure', data: { disclosureId: id, expectedVersion: 1, details: correctedDetails, reason: '' } }).thenThrows('BAD_USER_INPUT', 'REQUIRED');
    });

    it('checks corrected details as strictly as new ones', () => {
      given([recorded]).when(correct(1, { ...penalty.details, penaltyKind: 'FINE', amountFen: 0 })).thenThrows('BAD_USER_INPUT', 'FINE_WITHOUT_AMOUNT');
    });

    it('refuses an unknown record', () => {
      given([]).when(correct()).thenThrows('NOT_FOUND', 'DISCLOSURE_NOT_FOUND');
    });
  });

  describe('revoking (撤回)', () => {
    const revoke = (decisionRevokedOn?: string): DisclosureLedgerCommand => ({
      type: 'RevokeDisclosure',
      data: { disclosureId: id, reason: '行政复议决定撤销该处罚决定', ...(decisionRevokedOn ? { decisionRevokedOn } : {}) },
    });

    it('withdraws a revoked penalty within 3 working days of the revocation (APL Art. 48)', () => {
      given([recorded, requested, published])
        .when(revoke('2026-02-11'))
        .then([
          {
            type: 'DisclosureRevoked',
            data: {
              disclosureId: id,
              reason: '行政复议决定撤销该处罚决定',
              revokedAt: '2026-02-11T02:00:00.000Z',
              revokedOn: '2026-02-11',
              decisionRevokedOn: '2026-02-11',
              // Thu 02-12 [1], Fri 02-13 [2], Sat 02-14 S [3].
              withdrawalDueOn: '2026-02-14',
            },
          },
        ]);
    });

    it('records when the withdrawal came too late: revoked 2026-02-13, due 02-25, withdrawn 02-26', () => {
      const [event] = given([recorded]).when(revoke('2026-02-13'), { now: '2026-02-26T02:00:00Z' }).events();
      expect(event.data).toMatchObject({ decisionRevokedOn: '2026-02-13', withdrawalDueOn: '2026-02-25', revokedOn: '2026-02-26' });
    });

    it('sets no withdrawal deadline outside penalties', () => {
      const quality: DisclosureLedgerEvent = { ...recorded, data: { ...recorded.data, category: 'DISCHARGE_FEE' } } as DisclosureLedgerEvent;
      expect(given([quality]).when(revoke()).events()[0].data).not.toHaveProperty('withdrawalDueOn');
    });

    it('refuses a decision revoked in the future or before it was made, and a second revocation', () => {
      given([recorded]).when(revoke('2026-02-12')).thenThrows('BAD_USER_INPUT', 'DATE_IN_FUTURE');
      given([recorded]).when(revoke('2026-02-01')).thenThrows('BAD_USER_INPUT', 'REVOKED_BEFORE_FORMED');
      const revoked = given([recorded]).when(revoke()).events()[0];
      given([recorded, revoked]).when(revoke()).thenThrows('CONFLICT', 'DISCLOSURE_REVOKED');
      given([recorded, revoked]).when(correct()).thenThrows('CONFLICT', 'DISCLOSURE_REVOKED');
    });
  });

  describe('publication through the review gate (先审查、后公开)', () => {
    it('binds the request to exactly this version and content', () => {
      given([recorded]).when({ type: 'RequestDisclosurePublication', data: { disclosureId: id, expectedVersion: 1, reviewId: 'review-1' } }).then([requested]);
    });

    it('refuses a second request while one is pending', () => {
      given([recorded, requested])
        .when({ type: 'RequestDisclosurePublication', data: { disclosureId: id, expectedVersion: 1, reviewId: 'review-2' } })
        .thenThrows('CONFLICT', 'REVIEW_ALREADY_PENDING');
    });

    it('publishes the approved version, on time', () => {
      given([recorded, requested]).when(publish(), { actor: SYSTEM }).then([published]);
    });

    it('flags a publication after the due day as late', () => {
      expect(given([recorded, requested]).when(publish(), { actor: SYSTEM, now: '2026-02-27T02:00:00Z' }).events()[0].data).toMatchObject({ publishedOn: '2026-02-27', late: true });
    });

    it('publishes nothing when the record changed after the review was opened', () => {
      const corrected = given([recorded, requested]).when(correct()).events()[0];
      given([recorded, requested, corrected]).when(publish(), { actor: SYSTEM }).thenThrows('CONFLICT', 'REVIEWED_VERSION_OUTDATED');
      given([recorded, requested]).when(publish('f'.repeat(64)), { actor: SYSTEM }).thenThrows('CONFLICT', 'REVIEWED_VERSION_OUTDATED');
    });

    it('does nothing for the same approval delivered again, and is done by the gate only', () => {
      given([recorded, requested, published]).when(publish(), { actor: SYSTEM }).thenNothingHappened();
      given([recorded, requested]).when(publish()).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
    });

    it('keeps version 1 public while a correction waits, and lets the correction be submitted', () => {
      const corrected = given([recorded, requested, published]).when(correct()).events()[0];
      const [request] = given([recorded, requested, published, corrected])
        .when({ type: 'RequestDisclosurePublication', data: { disclosureId: id, expectedVersion: 2, reviewId: 'review-2' } })
        .events();
      expect(request.data).toMatchObject({ version: 2, publicationRequest: { itemVersion: 2, reviewId: 'review-2' } });
      given([recorded, requested, published])
        .when({ type: 'RequestDisclosurePublication', data: { disclosureId: id, expectedVersion: 1, reviewId: 'review-2' } })
        .thenThrows('CONFLICT', 'VERSION_ALREADY_PUBLISHED');
    });
  });

  describe('a chunk of a bulk import (批量导入)', () => {
    const importId = 'import-1';
    const details = VALID_RECORDS.SUPERVISORY_MONITORING.details;
    const rows: ImportRowInput[] = [2, 3, 4].map((row) => ({ row, enterpriseCreditCode: YUNCHENG_CEMENT, formedOn: '2026-02-10', title: `第${row}行`, details: { ...details, measuredValue: row } }));
    const importChunk = (chunkRows = rows, chunk = 0): DisclosureLedgerCommand => ({
      type: 'ImportDisclosureChunk',
      data: { importId, chunk, agencyCode: '445300', departmentCode: 'MONITORING_STATION', category: 'SUPERVISORY_MONITORING', rows: chunkRows },
    });
    const imported = () => given([]).when(importChunk(), { actor: MONITORING }).events();

    it('makes one event per row, then records the chunk with the hash of exactly those rows', () => {
      const events = imported();
      expect(events.map((e) => e.type)).toEqual(['DisclosureImported', 'DisclosureImported', 'DisclosureImported', 'DisclosureImportChunkRecorded']);
      expect(events[0].data).toMatchObject({ disclosureId: importedDisclosureId(importId, 2), importId, row: 2, publicationDueOn: '2026-03-16', details: { exceeded: false } });
      const contents = events.slice(0, 3).map((e) => {
        const { disclosureId, row, category, enterpriseCreditCode, formedOn, title, details: d } = e.data as Extract<DisclosureLedgerEvent, { type: 'DisclosureImported' }>['data'];
        return { disclosureId, row, content: { category, enterpriseCreditCode, formedOn, title, details: d } };
      });
      expect(events[3].data).toEqual({ importId, chunk: 0, rowCount: 3, chunkHash: importChunkHash(importId, 0, contents) });
    });

    it('names the row of a bad row, and refuses rows of another chunk', () => {
      const bad = given([]).when(importChunk([rows[0], { ...rows[1], details: { ...details, limit: 'x' } }]), { actor: MONITORING }).thenThrows('BAD_USER_INPUT', 'NOT_A_NUMBER');
      expect(bad.details).toEqual({ field: 'limit', row: 3 });
      given([]).when(importChunk([{ ...rows[0], row: 502 }]), { actor: MONITORING }).thenThrows('BAD_USER_INPUT', 'ROW_OUTSIDE_CHUNK');
    });

    it('publishes an imported row only with its import', () => {
      given(imported())
        .when({ type: 'RequestDisclosurePublication', data: { disclosureId: importedDisclosureId(importId, 2), expectedVersion: 1, reviewId: 'r' } }, { actor: MONITORING })
        .thenThrows('CONFLICT', 'PUBLISHED_WITH_ITS_IMPORT');
    });

    it('publishes the rows as imported, leaving out a row corrected or revoked since', () => {
      const history = imported();
      const chunkHash = (history[3].data as { chunkHash: string }).chunkHash;
      const row3 = importedDisclosureId(importId, 3);
      const row4 = importedDisclosureId(importId, 4);
      const corrected = given(history)
        .when({ type: 'CorrectDisclosure', data: { disclosureId: row3, expectedVersion: 1, details: { ...details, measuredValue: 33 }, reason: '录入错误' } }, { actor: MONITORING })
        .events();
      const revoked = given(history).when({ type: 'RevokeDisclosure', data: { disclosureId: row4, reason: '重复录入' } }, { actor: MONITORING }).events();
      const publishChunk = (hash: string): DisclosureLedgerCommand => ({
        type: 'PublishImportedChunk',
        data: { importId, chunk: 0, chunkHash: hash, reviewId: 'review-import', publishedAt: '2026-02-11T02:00:00.000Z' },
      });
      const events = given([...history, ...corrected, ...revoked]).when(publishChunk(chunkHash), { actor: SYSTEM }).events();
      expect(events).toEqual([
        {
          type: 'ImportedDisclosuresPublished',
          data: { importId, chunk: 0, reviewId: 'review-import', publishedAt: '2026-02-11T02:00:00.000Z', publishedOn: '2026-02-11', skippedIds: [row3, row4] },
        },
      ]);
      given([...history, ...events]).when(publishChunk(chunkHash), { actor: SYSTEM }).thenNothingHappened();
      given(history).when(publishChunk('0'.repeat(64)), { actor: SYSTEM }).thenThrows('CONFLICT', 'REVIEWED_VERSION_OUTDATED');
    });

    it('refuses a chunk written twice', () => {
      given(imported()).when(importChunk(), { actor: MONITORING }).thenThrows('CONFLICT', 'IMPORT_CHUNK_EXISTS');
    });
  });
});
