import type { Details } from '@gongkai/supervision/domain';
import type { DisclosureVersionContent } from '../disclosure-document';

/** Every word of the details (text and numbers), lower case, for a substring search. */
const wordsOf = (value: unknown): string[] => {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(wordsOf);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(wordsOf);
  return [];
};

export const versionContent = (version: number, details: Details, publicationDueOn: string): DisclosureVersionContent => ({
  version,
  details,
  exceeded: typeof details['exceeded'] === 'boolean' ? details['exceeded'] : null,
  text: wordsOf(details).join(' ').toLowerCase(),
  publicationDueOn,
});
