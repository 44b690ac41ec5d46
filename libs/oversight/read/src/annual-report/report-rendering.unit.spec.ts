import { computeAnnualReport, type ReportFacts } from '@gongkai/oversight/domain';
import { reportFigures } from './report-figures';
import { annualReportCsv, annualReportHtml } from './report-rendering';

const facts: ReportFacts = {
  requests: [
    { requestId: 'r1', agencyCode: '445300', applicantType: 'NATURAL_PERSON', receivedOn: '2026-03-02', receivedEventId: 'e1', answer: { outcome: 'DISCLOSED', answeredOn: '2026-03-20', eventId: 'e2' }, appeals: [], fee: null },
  ],
  documents: [],
  decisions: [],
  completedImports: [],
};
const report = computeAnnualReport(facts, 2026, '445300');

describe('The annual report as CSV and as a printable page', () => {
  it('lists every figure of the template once, with the events behind it', () => {
    const figures = reportFigures(report);
    expect(new Set(figures.map((f) => f.key)).size).toBe(figures.length);
    // 10 proactive figures (rules and normative documents apart); 7 columns × (2 + 21 outcomes + 2); 3 appeal rows × 5.
    expect(figures).toHaveLength(10 + 7 * 25 + 15);
    expect(figures.find((f) => f.key === 'applications.NATURAL_PERSON.outcomes.DISCLOSED')).toEqual({ key: 'applications.NATURAL_PERSON.outcomes.DISCLOSED', label: '自然人｜办理结果：予以公开', value: 1, eventIds: ['e2'] });
  });

  it('writes RFC 4180 CSV that spreadsheet programs read as UTF-8', () => {
    const csv = annualReportCsv(report);
    expect(csv.startsWith('\uFEFFkey,label,value,eventIds\r\n')).toBe(true);
    expect(csv).toContain('\r\napplications.TOTAL.newThisYear,总计｜本年新收政府信息公开申请数量,1,e1\r\n');
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(1 + reportFigures(report).length);
    expect(lines.every((line) => line.split(',').length === 4)).toBe(true);
  });

  it('prints the six sections, linking each figure to its sources, and escapes the office’s text', () => {
    const html = annualReportHtml(report, { overview: '<script>alert(1)</script>', problems: '第一行\n第二行' }, { source: 'PUBLISHED', asOfInstant: null });
    for (const heading of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
      expect(html).toContain(heading);
    }
    expect(html).toContain('<a href="#f-applications-NATURAL_PERSON-outcomes-DISCLOSED">1</a>');
    expect(html).toContain('<li id="f-applications-NATURAL_PERSON-outcomes-DISCLOSED">');
    expect(html).not.toContain('<script>');
    expect(html).toContain('第一行<br>第二行');
    expect(html).toContain('云浮市环境保护局2026年政府信息公开工作年度报告');
    expect(html).toContain('<p class="edition">已发布版本。</p>');
  });

  it('says on the page which edition it is: a working copy, the published version, or the one in force at an instant', () => {
    const edition = (html: string) => /<p class="edition">([^<]*)<\/p>/.exec(html)?.[1];
    expect(edition(annualReportHtml(report, {}, { source: 'LIVE', asOfInstant: null }))).toBe('工作稿：按当前数据计算，尚未发布。');
    expect(edition(annualReportHtml(report, {}, { source: 'PUBLISHED', asOfInstant: '2026-03-02T02:00:00.000Z' }))).toBe('截至 2026-03-02T02:00:00.000Z（UTC）已发布并有效的版本。');
  });
});
