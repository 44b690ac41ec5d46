/**
 * Integration contracts: the parts of other contexts' events the annual report reads. Oversight
 * consumes them as events (never through another context's read model or domain code), so this is
 * the whole of what it relies on; a field not named here may change freely in its own context.
 */

/** An event of the global log as oversight sees it; `RecordedEvent` of @gongkai/event-sourcing fits. */
export interface SourceEvent {
  readonly id: string;
  readonly type: string;
  readonly streamId: string;
  readonly occurredAt: string;
  readonly data: unknown;
}

/** requests: InformationRequestReceived (依申请公开 受理). */
export interface RequestReceivedContract {
  readonly requestId: string;
  readonly agencyCode: string;
  readonly applicantType: string;
  readonly receivedOn: string;
}

/** requests: InformationRequestAnswered, every outcome of the template, including closing without an answer on substance. */
export interface RequestAnsweredContract {
  readonly requestId: string;
  readonly outcome: string;
  readonly answeredOn: string;
}

/** requests: RequestAppealRecorded, a reconsideration or a lawsuit and its result (PENDING until decided). */
export interface RequestAppealContract {
  readonly requestId: string;
  readonly kind: string;
  readonly result: string;
  readonly decidedOn: string | null;
}

/** requests: FeeNoticeIssued, the processing fee (信息处理费, 国办函〔2020〕109号) a request is charged. */
export interface RequestFeeNoticeContract {
  readonly requestId: string;
  readonly amountFen: number;
  readonly noticeOn: string;
}

/** requests: FeePaymentRecorded, the fee of the latest notice paid. */
export interface RequestFeePaidContract {
  readonly requestId: string;
  readonly paidOn: string;
}

/** decisions: NormativeDocumentRegistered (规范性文件目录). */
export interface NormativeDocumentRegisteredContract {
  readonly agencyCode: string;
  readonly documentId: string;
  readonly document: { readonly number: string; readonly title: string; readonly issuedOn: string; readonly validUntil: string };
}

/** decisions: NormativeDocumentRepealed and NormativeDocumentAmended. */
export interface NormativeDocumentRepealedContract {
  readonly agencyCode: string;
  readonly documentId: string;
  readonly repealedOn: string;
}

/**
 * supervision: DisclosureRecorded and DisclosureImported (监管情况公开): a supervision record of one
 * agency, formed on a day, with its category's details (penalties, permits, EIA approvals,
 * enforcement actions, discharge fees among them).
 */
export interface SupervisionDisclosureContract {
  readonly disclosureId: string;
  readonly agencyCode: string;
  readonly category: string;
  readonly formedOn: string;
  readonly details: Readonly<Record<string, unknown>>;
  /** A row of a bulk import: it counts only once the whole file is in (DisclosureImportCompleted). */
  readonly importId?: string;
}

/** supervision: DisclosureImportCompleted, every row of an import written. */
export interface SupervisionImportCompletedContract {
  readonly importId: string;
}

/** supervision: DisclosureCorrected (new details) and DisclosureRevoked (the record withdrawn). */
export interface SupervisionCorrectionContract {
  readonly disclosureId: string;
  readonly details: Readonly<Record<string, unknown>>;
}
export interface SupervisionRevocationContract {
  readonly disclosureId: string;
  readonly revokedOn: string;
}

export const SOURCE_EVENT_TYPES = {
  requestReceived: 'InformationRequestReceived',
  requestAnswered: 'InformationRequestAnswered',
  requestAppeal: 'RequestAppealRecorded',
  feeNoticeIssued: 'FeeNoticeIssued',
  feePaid: 'FeePaymentRecorded',
  documentRegistered: 'NormativeDocumentRegistered',
  documentRepealed: 'NormativeDocumentRepealed',
  disclosureRecorded: 'DisclosureRecorded',
  disclosureImported: 'DisclosureImported',
  disclosureCorrected: 'DisclosureCorrected',
  disclosureRevoked: 'DisclosureRevoked',
  disclosureImportCompleted: 'DisclosureImportCompleted',
} as const;

/** Whether the event is from a stream of `context`: an event of another context with the same type name is not ours to count. */
export const isFromContext = (event: SourceEvent, context: string): boolean => event.streamId.startsWith(`${context}.`);
