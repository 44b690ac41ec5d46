/**
 * The name a downloaded export is saved under. With an instant it says which published version it
 * is, so that a copy taken before a correction and one taken after are never confused; colons are
 * not allowed in file names on Windows, so the clock is written with hyphens.
 */
export const annualReportFileName = (agencyCode: string, year: number, extension: string, asOfInstant: string | null): string => {
  // The agency comes from the path: anything but a code's characters would break the header's quoting.
  const agency = agencyCode.replace(/[^A-Za-z0-9_-]/g, '_');
  const instant = asOfInstant === null ? '' : `-as-of-${asOfInstant.replace(/\.000Z$/, 'Z').replace(/:/g, '-')}`;
  return `annual-report-${agency}-${year}${instant}.${extension}`;
};
