import {
  assertNever,
  conflict,
  type DecideContext,
  type Decider,
  forbidden,
  hasRole,
  notFound,
  requireAgency,
  requireAgencyScope,
  requireDepartment,
  requireDepartmentScope,
  requireRole,
  requireText,
} from '@gongkai/kernel';
import { requireId } from '../oversight-rules';
import { WORK_PLAN_AGENCY_CODE, WORK_PLAN_TASKS } from './work-plan';
import { evolveWorkPlanTask, initialWorkPlanTaskState, type WorkPlanTaskEvent, type WorkPlanTaskState } from './work-plan-task-events';

export type WorkPlanTaskCommand =
  | { type: 'SeedWorkPlanTask'; data: { taskId: string } }
  | { type: 'BreakDownWorkPlanTask'; data: { taskId: string; parentTaskId: string; agencyCode: string; title: string; departmentCode: string } }
  | { type: 'AssignWorkPlanTask'; data: { taskId: string; departmentCode: string; assignee: string } };

export const WORK_PLAN_TASK_COMMAND_TYPES: readonly WorkPlanTaskCommand['type'][] = ['SeedWorkPlanTask', 'BreakDownWorkPlanTask', 'AssignWorkPlanTask'];

type Open = Extract<WorkPlanTaskState, { status: 'OPEN' }>;

const requireTask = (state: WorkPlanTaskState, taskId: string): Open => {
  if (state.status === 'NONE') throw notFound('TASK_NOT_FOUND', `There is no work-plan task ${taskId}.`);
  return state;
};

/** The plan's ten tasks are seeded once, by the platform itself: seeding again changes nothing. */
const seed = (command: Extract<WorkPlanTaskCommand, { type: 'SeedWorkPlanTask' }>, state: WorkPlanTaskState, context: DecideContext): WorkPlanTaskEvent[] => {
  requireRole(context.actor, 'system', 'admin');
  const planned = WORK_PLAN_TASKS.find((t) => t.taskId === command.data.taskId);
  if (!planned) throw notFound('TASK_NOT_IN_PLAN', `The work plan has no task ${command.data.taskId}.`);
  if (state.status !== 'NONE') return [];
  const { taskId, number, title, responsibility, departmentCodes } = planned;
  return [{ type: 'WorkPlanTaskCreated', data: { taskId, agencyCode: WORK_PLAN_AGENCY_CODE, planTaskNumber: number, title, responsibility, departmentCodes: [...departmentCodes] } }];
};

/**
 * Breaking a task down (细化分解): the office for any department, a department for its own part.
 * The parent's existence is checked by the caller's read side; the sub-task names it.
 */
const breakDown = (command: Extract<WorkPlanTaskCommand, { type: 'BreakDownWorkPlanTask' }>, state: WorkPlanTaskState, context: DecideContext): WorkPlanTaskEvent[] => {
  requireRole(context.actor, 'staff', 'office', 'admin');
  if (state.status !== 'NONE') throw conflict('TASK_EXISTS', `Work-plan task ${command.data.taskId} already exists.`);
  const departmentCode = requireDepartment('departmentCode', command.data.departmentCode);
  const agencyCode = requireAgency('agencyCode', command.data.agencyCode);
  requireAgencyScope(context.actor, agencyCode);
  requireDepartmentScope(context.actor, departmentCode);
  const parentTaskId = requireId('parentTaskId', command.data.parentTaskId);
  const title = requireText('title', command.data.title, { max: 300 });
  return [
    {
      type: 'WorkPlanTaskCreated',
      data: { taskId: requireId('taskId', command.data.taskId), agencyCode, parentTaskId, title, responsibility: title, departmentCodes: [departmentCode] },
    },
  ];
};

/**
 * Assigning a task to a named person (落实到具体人员): a department assigns its own people to tasks
 * it is responsible for; the office may also make another department responsible.
 */
const assign = (command: Extract<WorkPlanTaskCommand, { type: 'AssignWorkPlanTask' }>, state: WorkPlanTaskState, context: DecideContext): WorkPlanTaskEvent[] => {
  requireRole(context.actor, 'staff', 'office', 'admin');
  const task = requireTask(state, command.data.taskId);
  requireAgencyScope(context.actor, task.agencyCode);
  const departmentCode = requireDepartment('departmentCode', command.data.departmentCode);
  requireDepartmentScope(context.actor, departmentCode);
  if (!task.departmentCodes.includes(departmentCode) && !hasRole(context.actor, 'office', 'admin')) {
    throw forbidden('DEPARTMENT_NOT_RESPONSIBLE', `Department ${departmentCode} is not responsible for task ${task.taskId}; the office can make it so.`);
  }
  const assignee = requireText('assignee', command.data.assignee, { max: 50 });
  const previousAssignee = task.assignees[departmentCode] ?? null;
  if (previousAssignee === assignee) return [];
  return [{ type: 'WorkPlanTaskAssigned', data: { taskId: task.taskId, departmentCode, assignee, previousAssignee, assignedAt: context.now.toISOString() } }];
};

export const decideWorkPlanTask = (command: WorkPlanTaskCommand, state: WorkPlanTaskState, context: DecideContext): WorkPlanTaskEvent[] => {
  switch (command.type) {
    case 'SeedWorkPlanTask':
      return seed(command, state, context);
    case 'BreakDownWorkPlanTask':
      return breakDown(command, state, context);
    case 'AssignWorkPlanTask':
      return assign(command, state, context);
    default:
      return assertNever(command);
  }
};

export const workPlanTaskDecider: Decider<WorkPlanTaskCommand, WorkPlanTaskEvent, WorkPlanTaskState> = {
  initialState: initialWorkPlanTaskState,
  decide: decideWorkPlanTask,
  evolve: evolveWorkPlanTask,
};
