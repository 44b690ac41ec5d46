import type { ReadCollection } from '@gongkai/read-store';
import type { InformationRequestDocument } from './information-request-document';

type Counted = Pick<InformationRequestDocument, '_id' | 'applicantFingerprint' | 'receivedMonth' | 'receivedOn' | 'createdAt'>;

/** Received earlier: by date of receipt, then by when the platform learnt of it, then by id for a stable order. */
const before = (a: Counted, b: Counted): boolean =>
  a.receivedOn !== b.receivedOn ? a.receivedOn < b.receivedOn : a.createdAt !== b.createdAt ? a.createdAt < b.createdAt : a._id <= b._id;

/**
 * Which application of its applicant's calendar month (Asia/Shanghai, the month of receipt) `doc`
 * is — 1 for the first — among `sameMonth`, the applicant's requests of that month. This is the
 * basis of a fee by count (国办函〔2020〕109号: the 11th and later are charged). Null when the request
 * has no fingerprint (received before fingerprints existed): then it cannot be counted at all.
 */
export const applicationOfMonth = (doc: Counted, sameMonth: readonly Counted[]): number | null => {
  if (!doc.applicantFingerprint) return null;
  const mine = sameMonth.filter((other) => other.applicantFingerprint === doc.applicantFingerprint && other.receivedMonth === doc.receivedMonth);
  return mine.filter((other) => before(other, doc)).length + (mine.some((other) => other._id === doc._id) ? 0 : 1);
};

/** The applicant's requests of `doc`'s month from the read store, then `applicationOfMonth`. */
export const applicationOfMonthIn = async (requests: ReadCollection<InformationRequestDocument>, doc: Counted): Promise<number | null> =>
  doc.applicantFingerprint ? applicationOfMonth(doc, await requests.find({ applicantFingerprint: doc.applicantFingerprint, receivedMonth: doc.receivedMonth })) : null;
