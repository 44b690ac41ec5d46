import { agencyRef, departmentRef } from '@gongkai/graphql';
import type { DisclosureImportDocument } from '../disclosure-import-document';
import type { DisclosureView } from '../disclosure-visibility';
import type { RegisterChangeEntry } from '../enterprise-document';
import type { EnterpriseView } from '../enterprise-visibility';
import type { Disclosure } from './disclosure.types';
import type { DisclosureImport } from './disclosure-import.types';
import type { Enterprise, RegisterChange } from './enterprise.types';

export const toDisclosure = (view: DisclosureView): Disclosure => {
  const { agencyCode, departmentCode, versions, revocation, ...rest } = view;
  return {
    ...rest,
    agency: agencyRef(agencyCode),
    department: departmentRef(departmentCode),
    versions: versions.map((v) => ({ ...v })),
    revocation: revocation && { ...revocation },
  };
};

const toChange = (change: RegisterChangeEntry): RegisterChange => ({
  sequence: change.sequence,
  kind: change.kind,
  on: change.on ?? null,
  year: change.year ?? null,
  reason: change.reason ?? null,
  legalBasis: change.legalBasis ?? null,
  recordedAt: change.recordedAt,
  publishedAt: change.publishedAt,
});

export const toEnterprise = (view: EnterpriseView): Enterprise => ({
  creditCode: view.creditCode,
  name: view.name,
  address: view.address,
  countyCode: view.countyCode,
  county: agencyRef(view.countyCode),
  industry: view.industry,
  keyMonitoredYears: [...view.keyMonitoredYears],
  blacklisted: view.blacklisted,
  blacklistHistory: view.changes.filter((c) => c.kind !== 'KEY_MONITORED').map(toChange),
});

export const toDisclosureImport = (doc: DisclosureImportDocument): DisclosureImport => ({
  id: doc._id,
  category: doc.category,
  fileName: doc.fileName,
  rowCount: doc.rowCount,
  status: doc.status,
  agency: agencyRef(doc.agencyCode),
  department: departmentRef(doc.departmentCode),
  contentHash: doc.contentHash,
  pendingReviewId: doc.pendingReviewId,
  startedAt: doc.startedAt,
  completedAt: doc.completedAt,
  publishedAt: doc.publishedAt,
});
