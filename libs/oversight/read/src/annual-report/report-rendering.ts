import { findAgency } from '@gongkai/kernel';
import type { AnnualReport } from '@gongkai/oversight/domain';
import { reportFigures } from './report-figures';
import { APPEAL_LABELS, APPLICANT_TYPE_LABELS, OUTCOME_LABELS, PROACTIVE_LABELS, ROW_FIGURE_LABELS } from './report-labels';

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
const csvField = (value: string | number): string => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One line per figure: its key, the template's wording, the value and the events behind it. */
export const annualReportCsv = (report: AnnualReport): string => {
  const lines = [['key', 'label', 'value', 'eventIds'].join(',')];
  for (const f of reportFigures(report)) lines.push([f.key, f.label, f.value, f.eventIds.join(' ')].map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`; // the BOM makes spreadsheet programs read UTF-8
};

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const anchor = (key: string): string => `f-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export interface ReportText {
  readonly overview?: string;
  readonly problems?: string;
  readonly otherMatters?: string;
}

/** Which report a copy is: a printed page must say so itself, since it travels without its URL. */
export interface ReportEdition {
  readonly source: 'LIVE' | 'PUBLISHED';
  /** The instant (UTC) of a point-in-time copy: the version published and in force then. */
  readonly asOfInstant: string | null;
}

const editionLine = ({ source, asOfInstant }: ReportEdition): string =>
  source === 'LIVE'
    ? '工作稿：按当前数据计算，尚未发布。'
    : asOfInstant
      ? `截至 ${escapeHtml(asOfInstant)}（UTC）已发布并有效的版本。`
      : '已发布版本。';

/**
 * The printable page, in the template's six sections, headed by which edition it is. Each figure
 * links to the list of the events it was counted from, at the end of the page, so that a printed
 * copy still names its sources.
 */
export const annualReportHtml = (report: AnnualReport, text: ReportText, edition: ReportEdition): string => {
  const agency = findAgency(report.agencyCode)?.name ?? report.agencyCode;
  const title = `${agency}${report.year}年政府信息公开工作年度报告`;
  const cell = (key: string, value: number) => `<td class="n"><a href="#${anchor(key)}">${value}</a></td>`;
  const paragraph = (value: string | undefined) => `<p>${escapeHtml(value ?? '（待填写）').replace(/\n/g, '<br>')}</p>`;
  const rows = [...report.applications.byApplicantType, report.applications.total];
  const proactive = Object.entries(report.proactive).map(([field, value]) => `<tr><th>${PROACTIVE_LABELS[field]}</th>${cell(`proactive.${field}`, value)}</tr>`).join('');
  const header = `<tr><th></th>${rows.map((r) => `<th>${APPLICANT_TYPE_LABELS[r.applicantType]}</th>`).join('')}</tr>`;
  const line = (label: string, figure: string, value: (r: (typeof rows)[number]) => number) =>
    `<tr><th>${escapeHtml(label)}</th>${rows.map((r) => cell(`applications.${r.applicantType}.${figure}`, value(r))).join('')}</tr>`;
  const applications = [
    line(ROW_FIGURE_LABELS['newThisYear'], 'newThisYear', (r) => r.newThisYear),
    line(ROW_FIGURE_LABELS['carriedOverFromLastYear'], 'carriedOverFromLastYear', (r) => r.carriedOverFromLastYear),
    ...rows[0].outcomes.map((o, i) => line(OUTCOME_LABELS[o.outcome], `outcomes.${o.outcome}`, (r) => r.outcomes[i].count)),
    line(ROW_FIGURE_LABELS['totalProcessed'], 'totalProcessed', (r) => r.totalProcessed),
    line(ROW_FIGURE_LABELS['carriedOverToNextYear'], 'carriedOverToNextYear', (r) => r.carriedOverToNextYear),
  ].join('');
  const appeals = Object.entries(report.appeals)
    .map(([kind, row]) => `<tr><th>${APPEAL_LABELS[kind]}</th>${Object.entries(row).map(([result, value]) => cell(`appeals.${kind}.${result}`, value as number)).join('')}</tr>`)
    .join('');
  const sources = reportFigures(report)
    .filter((f) => f.eventIds.length > 0)
    .map((f) => `<li id="${anchor(f.key)}"><b>${escapeHtml(f.label)}</b>（${f.value}）：<code>${f.eventIds.map(escapeHtml).join(' ')}</code></li>`)
    .join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:serif;max-width:60em;margin:2em auto}table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #000;padding:.2em .4em;font-size:.9em}td.n{text-align:right}a{color:inherit;text-decoration:none}@media print{.sources{page-break-before:always}}</style>
</head><body>
<h1>${escapeHtml(title)}</h1>
<p class="edition">${editionLine(edition)}</p>
<h2>一、总体情况</h2>${paragraph(text.overview)}
<h2>二、主动公开政府信息情况</h2><table>${proactive}</table>
<h2>三、收到和处理政府信息公开申请情况</h2><table>${header}${applications}</table>
<h2>四、政府信息公开行政复议、行政诉讼情况</h2><table><tr><th></th>${['upheld', 'corrected', 'other', 'pending', 'total'].map((r) => `<th>${APPEAL_LABELS[r]}</th>`).join('')}</tr>${appeals}</table>
<h2>五、存在的主要问题及改进情况</h2>${paragraph(text.problems)}
<h2>六、其他需要报告的事项</h2>${paragraph(text.otherMatters)}
${report.notCounted.length ? `<p><small>未能统计：${report.notCounted.map(escapeHtml).join('；')}</small></p>` : ''}
<section class="sources"><h2>附：数据来源（事件编号）</h2><ol>${sources}</ol></section>
</body></html>
`;
};
