/**
 * User text as a literal, trimmed pattern for a case-insensitive `$regex` search. Kept free of Nest,
 * so that the read sides' pure filters (and their jest specs) can use it.
 */
export const textSearchPattern = (search: string): string => search.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
