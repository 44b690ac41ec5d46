import { requireDepartment, requireOneOf, requireText } from '@gongkai/kernel';

/** Key work whose execution is disclosed (执行公开): plans, programmes, the government work report, reform tasks. */
export const KEY_WORK_KINDS = ['PLAN', 'PROGRAMME', 'GOVERNMENT_WORK_REPORT', 'REFORM_TASK'] as const;
export type KeyWorkKind = (typeof KEY_WORK_KINDS)[number];

/** A key work item (重点工作) and the department answerable for it. */
export interface KeyWorkItemContent {
  readonly kind: KeyWorkKind;
  readonly title: string;
  readonly departmentCode: string;
  readonly description: string;
  /** The adopted decision it carries out, if any. */
  readonly decisionDraftId: string;
}

export const validateKeyWorkItem = (input: Readonly<Record<string, unknown>>): KeyWorkItemContent => ({
  kind: requireOneOf('kind', input['kind'], KEY_WORK_KINDS),
  title: requireText('title', input['title'], { max: 200 }),
  departmentCode: requireDepartment('departmentCode', input['departmentCode']),
  description: requireText('description', input['description'], { max: 5000, optional: true }),
  decisionDraftId: requireText('decisionDraftId', input['decisionDraftId'], { max: 128, optional: true }),
});

/** A periodic progress report (执行进展): tasks, progress, results, next steps. */
export interface ProgressReport {
  /** The period it covers, as the bureau names it, e.g. 2026年第一季度. */
  readonly period: string;
  readonly tasks: string;
  readonly progress: string;
  readonly results: string;
  readonly nextSteps: string;
}

export const validateProgressReport = (input: Readonly<Record<string, unknown>>): ProgressReport => ({
  period: requireText('period', input['period'], { max: 50 }),
  tasks: requireText('tasks', input['tasks'], { max: 10_000 }),
  progress: requireText('progress', input['progress'], { max: 10_000 }),
  results: requireText('results', input['results'], { max: 10_000 }),
  nextSteps: requireText('nextSteps', input['nextSteps'], { max: 10_000 }),
});
