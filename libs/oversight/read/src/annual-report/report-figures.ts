import type { AnnualReport } from '@gongkai/oversight/domain';
import { APPEAL_LABELS, APPLICANT_TYPE_LABELS, OUTCOME_LABELS, PROACTIVE_LABELS, ROW_FIGURE_LABELS } from './report-labels';

/** One figure of the report, in the template's order, with the events behind it. */
export interface ReportFigure {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  readonly eventIds: readonly string[];
}

/** Every figure of the report as a flat list: the CSV export, the printable page's sources, and GraphQL's `figures`. */
export const reportFigures = (report: AnnualReport): ReportFigure[] => {
  const figure = (key: string, label: string, value: number): ReportFigure => ({ key, label, value, eventIds: report.evidence[key] ?? [] });
  const figures: ReportFigure[] = Object.entries(report.proactive).map(([field, value]) => figure(`proactive.${field}`, PROACTIVE_LABELS[field] ?? field, value));
  for (const row of [...report.applications.byApplicantType, report.applications.total]) {
    const prefix = `applications.${row.applicantType}`;
    const who = APPLICANT_TYPE_LABELS[row.applicantType] ?? row.applicantType;
    figures.push(figure(`${prefix}.newThisYear`, `${who}｜${ROW_FIGURE_LABELS['newThisYear']}`, row.newThisYear));
    figures.push(figure(`${prefix}.carriedOverFromLastYear`, `${who}｜${ROW_FIGURE_LABELS['carriedOverFromLastYear']}`, row.carriedOverFromLastYear));
    for (const { outcome, count } of row.outcomes) figures.push(figure(`${prefix}.outcomes.${outcome}`, `${who}｜办理结果：${OUTCOME_LABELS[outcome] ?? outcome}`, count));
    figures.push(figure(`${prefix}.totalProcessed`, `${who}｜${ROW_FIGURE_LABELS['totalProcessed']}`, row.totalProcessed));
    figures.push(figure(`${prefix}.carriedOverToNextYear`, `${who}｜${ROW_FIGURE_LABELS['carriedOverToNextYear']}`, row.carriedOverToNextYear));
  }
  for (const [kind, row] of Object.entries(report.appeals)) {
    for (const [result, value] of Object.entries(row)) figures.push(figure(`appeals.${kind}.${result}`, `${APPEAL_LABELS[kind]}｜${APPEAL_LABELS[result]}`, value as number));
  }
  return figures;
};
