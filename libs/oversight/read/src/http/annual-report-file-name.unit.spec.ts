import { annualReportFileName } from './annual-report-file-name';

describe('the file name of an annual report export', () => {
  it('names the agency and the year when the report is asked for as it is now', () => {
    expect(annualReportFileName('445300', 2025, 'csv', null)).toBe('annual-report-445300-2025.csv');
  });

  it('says the instant asked for, in UTC with hyphens for colons, whole seconds without milliseconds', () => {
    expect(annualReportFileName('445300', 2025, 'csv', '2026-02-01T00:00:00.000Z')).toBe('annual-report-445300-2025-as-of-2026-02-01T00-00-00Z.csv');
    expect(annualReportFileName('445381', 2025, 'json', '2026-11-28T03:12:45.120Z')).toBe('annual-report-445381-2025-as-of-2026-11-28T03-12-45.120Z.json');
  });

  it('keeps quotes and line breaks of a made-up agency out of the header', () => {
    expect(annualReportFileName('44"5\r\n3', 2025, 'csv', null)).toBe('annual-report-44_5__3-2025.csv');
  });
});
