/**
 * A history of other contexts' events for the annual report's specifications, in the shapes the
 * requests and decisions contexts store them (libs/requests/domain/src/information-request-events.ts,
 * libs/decisions/domain/src/register-events.ts), fields the report does not read included.
 */
import type { SourceEvent } from './source-events';

let sequence = 0;
const nextId = (): string => `event-${String(++sequence).padStart(4, '0')}`;

/** 10:00 in Shanghai on the day: events of a day are recorded during office hours. */
const at = (day: string): string => `${day}T02:00:00.000Z`;

export interface Fixture {
  readonly events: SourceEvent[];
  /** The id of the last event written for a request or document, by key, e.g. `A05.received`. */
  readonly ids: Record<string, string>;
}

export const history = (): Fixture & {
  received(key: string, agencyCode: string, applicantType: string, receivedOn: string): void;
  answered(key: string, outcome: string, answeredOn: string): void;
  appeal(key: string, kind: string, result: string, recordedOn: string, decidedOn?: string): string;
  registered(key: string, agencyCode: string, number: string, issuedOn: string, validUntil: string): void;
  repealed(key: string, repealedOn: string): void;
  disclosed(key: string, agencyCode: string, category: string, formedOn: string, details?: Record<string, unknown>): void;
  corrected(key: string, details: Record<string, unknown>, on: string): void;
  revoked(key: string, revokedOn: string): void;
  imported(key: string, importId: string, agencyCode: string, category: string, formedOn: string, details: Record<string, unknown>): void;
  importCompleted(importId: string, on: string): void;
  feeNoticed(key: string, amountFen: number, noticeOn: string): void;
  feePaid(key: string, paidOn: string): void;
} => {
  const events: SourceEvent[] = [];
  const ids: Record<string, string> = {};
  const agencies: Record<string, string> = {};
  const push = (type: string, streamId: string, occurredAt: string, data: unknown): string => {
    const id = nextId();
    events.push({ id, type, streamId, occurredAt, data });
    return id;
  };
  return {
    events,
    ids,
    received(key, agencyCode, applicantType, receivedOn) {
      ids[`${key}.received`] = push('InformationRequestReceived', `requests.InformationRequest-${key}`, at(receivedOn), {
        requestId: key,
        agencyCode,
        departmentCode: 'OFFICE',
        channel: 'LETTER',
        receivedOn,
        trackingCode: `YF${receivedOn.slice(2, 4)}-${key.padEnd(4, 'X')}-TEST`,
        accessKeyHash: 'a'.repeat(64),
        applicantType,
        applicant: { keyId: key, ciphertext: 'pd1.AAAA.BBBB.CCCC' },
        description: '监测数据',
        preferredForm: 'ELECTRONIC',
        delivery: 'POST',
      });
    },
    answered(key, outcome, answeredOn) {
      ids[`${key}.answered`] = push('InformationRequestAnswered', `requests.InformationRequest-${key}`, at(answeredOn), {
        requestId: key,
        outcome,
        answeredOn,
        answerDueOn: answeredOn,
        late: false,
        letter: '答复书',
        legalBasis: '《政府信息公开条例》',
        delivery: 'POST',
        content: '',
        redactions: [],
        redactedContent: '',
        publishedAt: '',
        holderAgency: '',
      });
    },
    appeal(key, kind, result, recordedOn, decidedOn) {
      const id = push('RequestAppealRecorded', `requests.InformationRequest-${key}`, at(recordedOn), { requestId: key, kind, result, decidedOn: decidedOn ?? null });
      ids[`${key}.${kind}.${result}`] = id;
      return id;
    },
    registered(key, agencyCode, number, issuedOn, validUntil) {
      agencies[key] = agencyCode;
      ids[`${key}.registered`] = push('NormativeDocumentRegistered', `decisions.NormativeRegister-${agencyCode}`, at(issuedOn), {
        agencyCode,
        documentId: key,
        document: { number, title: `规范性文件 ${number}`, issuingDepartmentCode: 'REGULATIONS', issuedOn, effectiveOn: issuedOn, validityYears: 5, validUntil },
        summary: '',
      });
    },
    disclosed(key, agencyCode, category, formedOn, details = {}) {
      ids[`${key}.disclosed`] = push('DisclosureRecorded', `supervision.Disclosure-${key}`, at(formedOn), {
        disclosureId: key,
        agencyCode,
        departmentCode: 'ENFORCEMENT_BRANCH',
        category,
        enterpriseCreditCode: '91445300MA4UXXXX1X',
        formedOn,
        title: key,
        details,
        publicationDueOn: formedOn,
      });
    },
    corrected(key, details, on) {
      ids[`${key}.corrected`] = push('DisclosureCorrected', `supervision.Disclosure-${key}`, at(on), { disclosureId: key, version: 2, details, reason: '更正', correctedOn: on, publicationDueOn: on });
    },
    revoked(key, revokedOn) {
      ids[`${key}.revoked`] = push('DisclosureRevoked', `supervision.Disclosure-${key}`, at(revokedOn), { disclosureId: key, reason: '决定撤销', revokedAt: at(revokedOn), revokedOn });
    },
    imported(key, importId, agencyCode, category, formedOn, details) {
      ids[`${key}.imported`] = push('DisclosureImported', `supervision.DisclosureImportChunk-${importId}.0`, at(formedOn), {
        disclosureId: key,
        agencyCode,
        departmentCode: 'SUPERVISION',
        category,
        enterpriseCreditCode: '91445300MA4UXXXX1X',
        formedOn,
        title: key,
        importId,
        row: 1,
        details,
        publicationDueOn: formedOn,
      });
    },
    importCompleted(importId, on) {
      ids[`${importId}.completed`] = push('DisclosureImportCompleted', `supervision.DisclosureImport-${importId}`, at(on), { importId, rowCount: 1, completedAt: at(on) });
    },
    feeNoticed(key, amountFen, noticeOn) {
      ids[`${key}.feeNoticed`] = push('FeeNoticeIssued', `requests.InformationRequest-${key}`, at(noticeOn), { requestId: key, method: 'BY_PAGES', basis: 120, amountFen, noticeOn, payByOn: noticeOn });
    },
    feePaid(key, paidOn) {
      ids[`${key}.feePaid`] = push('FeePaymentRecorded', `requests.InformationRequest-${key}`, at(paidOn), { requestId: key, paidOn });
    },
    repealed(key, repealedOn) {
      ids[`${key}.repealed`] = push('NormativeDocumentRepealed', `decisions.NormativeRegister-${agencies[key]}`, at(repealedOn), {
        agencyCode: agencies[key],
        documentId: key,
        repealedOn,
        reason: '清理',
      });
    },
  };
};
