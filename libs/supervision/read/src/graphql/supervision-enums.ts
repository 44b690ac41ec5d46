import { DISCLOSURE_CATEGORIES, DISCLOSURE_STATUSES, IMPORT_STATUSES } from '@gongkai/supervision/domain';
import { registerEnumType } from '@nestjs/graphql';

/** A GraphQL enum whose values are exactly the domain's. */
const enumOf = <T extends string>(values: readonly T[], name: string, description: string): Record<T, T> => {
  const values$ = Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
  registerEnumType(values$, { name, description });
  return values$;
};

export const DisclosureCategory = enumOf(DISCLOSURE_CATEGORIES, 'DisclosureCategory', 'The kind of supervision record (监管情况公开).');
export const DisclosureStatus = enumOf(DISCLOSURE_STATUSES, 'DisclosureStatus', 'Where a disclosure record stands: draft, under review, published, or revoked.');
export const DisclosureImportStatus = enumOf(IMPORT_STATUSES, 'DisclosureImportStatus', 'Where a bulk import stands: started, complete, under review, or published.');
export const RegisterChangeKind = enumOf(
  ['BLACKLIST_ENTRY', 'BLACKLIST_EXIT', 'KEY_MONITORED'] as const,
  'RegisterChangeKind',
  'A change of the blacklist (entry, exit) or of the list of key monitored enterprises.',
);
