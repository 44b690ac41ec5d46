import { agencyRef, departmentRef } from '@gongkai/graphql';
import type { ServiceItemView } from '../service-item-visibility';
import type { ServiceItem } from './service-item.types';

export const toServiceItem = (view: ServiceItemView): ServiceItem => {
  const { guide } = view;
  return {
    id: view.id,
    agency: agencyRef(view.agencyCode),
    name: guide.name,
    department: departmentRef(guide.departmentCode),
    category: guide.category,
    legalBasis: guide.legalBasis,
    conditions: guide.conditions,
    materials: guide.materials.map((m) => ({ ...m })),
    steps: [...guide.steps],
    statutoryLimitWorkingDays: guide.statutoryLimitWorkingDays,
    promisedLimitWorkingDays: guide.promisedLimitWorkingDays,
    feeFen: guide.feeFen,
    feeBasis: guide.feeBasis,
    location: guide.location,
    serviceHours: guide.serviceHours,
    onlineUrl: guide.onlineUrl,
    contact: guide.contact,
    faq: guide.faq.map((f) => ({ ...f })),
    version: view.version,
    publicationStatus: view.publicationStatus,
    publishedVersion: view.publishedVersion,
    publishedAt: view.publishedAt,
    contentHash: view.contentHash,
    pendingReviewId: view.pendingReviewId,
    retirementReason: view.retirementReason,
    versions: view.versions.map((v) => ({ version: v.version, changeSummary: v.changeSummary, createdAt: v.createdAt, publishedAt: v.publishedAt ?? null })),
    updatedAt: view.updatedAt,
  };
};
