import { DeciderSpecification } from '@gongkai/kernel/testing';
import { at, auditor, office, planning, system, window } from '../oversight.fixtures';
import { WORK_PLAN_TASKS } from './work-plan';
import { workPlanTaskDecider } from './work-plan-task-commands';
import type { WorkPlanTaskEvent } from './work-plan-task-events';

const given = DeciderSpecification.for(workPlanTaskDecider, { now: at, actor: office });
const taskTwo = WORK_PLAN_TASKS[1];
const seeded: WorkPlanTaskEvent = {
  type: 'WorkPlanTaskCreated',
  data: { taskId: taskTwo.taskId, agencyCode: '445300', planTaskNumber: 2, title: '推进监管情况公开', responsibility: '环境监察分局、监督科、监测站、窗口', departmentCodes: ['ENFORCEMENT_BRANCH', 'SUPERVISION', 'MONITORING_STATION', 'SERVICE_WINDOW'] },
};
const assign = (departmentCode: string, assignee: string) => ({ type: 'AssignWorkPlanTask' as const, data: { taskId: taskTwo.taskId, departmentCode, assignee } });

describe('Responsibility for the work plan’s tasks (责任落实)', () => {
  it('has the plan’s ten main tasks, each with its responsible departments', () => {
    expect(WORK_PLAN_TASKS.map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(WORK_PLAN_TASKS.find((t) => t.number === 7)).toMatchObject({ title: '探索政务公开负面清单制度', departmentCodes: ['OFFICE'] });
  });

  it('seeds a task once, whoever asks again', () => {
    given([]).when({ type: 'SeedWorkPlanTask', data: { taskId: taskTwo.taskId } }, { actor: system }).then([seeded]);
    given([seeded]).when({ type: 'SeedWorkPlanTask', data: { taskId: taskTwo.taskId } }, { actor: system }).thenNothingHappened();
    given([]).when({ type: 'SeedWorkPlanTask', data: { taskId: 'wp-2017-11-99' } }, { actor: system }).thenThrows('NOT_FOUND', 'TASK_NOT_IN_PLAN');
  });

  it('assigns a department’s part to a named person and keeps who held it before', () => {
    const first: WorkPlanTaskEvent = { type: 'WorkPlanTaskAssigned', data: { taskId: taskTwo.taskId, departmentCode: 'SERVICE_WINDOW', assignee: '李明', previousAssignee: null, assignedAt: at } };
    given([seeded]).when(assign('SERVICE_WINDOW', '李明'), { actor: window }).then([first]);
    given([seeded, first])
      .when(assign('SERVICE_WINDOW', '王芳'))
      .then([{ type: 'WorkPlanTaskAssigned', data: { taskId: taskTwo.taskId, departmentCode: 'SERVICE_WINDOW', assignee: '王芳', previousAssignee: '李明', assignedAt: at } }]);
    given([seeded, first]).when(assign('SERVICE_WINDOW', '李明'), { actor: window }).thenNothingHappened();
  });

  it('lets a department assign only its own people, to tasks it answers for; the office may add a department', () => {
    given([seeded]).when(assign('SUPERVISION', '张三'), { actor: window }).thenThrows('FORBIDDEN', 'OUTSIDE_DEPARTMENT_SCOPE');
    given([seeded]).when(assign('PLANNING', '张三'), { actor: planning }).thenThrows('FORBIDDEN', 'DEPARTMENT_NOT_RESPONSIBLE');
    expect(given([seeded]).when(assign('PLANNING', '张三')).events()).toHaveLength(1);
    given([seeded]).when(assign('SERVICE_WINDOW', '李明'), { actor: auditor }).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
    given([seeded]).when(assign('NOWHERE', '李明')).thenThrows('BAD_USER_INPUT', 'UNKNOWN_DEPARTMENT');
    given([seeded]).when(assign('SERVICE_WINDOW', ''), { actor: window }).thenThrows('BAD_USER_INPUT', 'REQUIRED');
    given([]).when(assign('SERVICE_WINDOW', '李明')).thenThrows('NOT_FOUND', 'TASK_NOT_FOUND');
  });

  it('breaks a task down into a department’s part', () => {
    const part = { type: 'BreakDownWorkPlanTask' as const, data: { taskId: 'part-1', parentTaskId: taskTwo.taskId, agencyCode: '445300', title: '每月更新行政许可信息', departmentCode: 'SERVICE_WINDOW' } };
    given([])
      .when(part, { actor: window })
      .then([
        {
          type: 'WorkPlanTaskCreated',
          data: { taskId: 'part-1', agencyCode: '445300', parentTaskId: taskTwo.taskId, title: '每月更新行政许可信息', responsibility: '每月更新行政许可信息', departmentCodes: ['SERVICE_WINDOW'] },
        },
      ]);
    given([]).when(part, { actor: planning }).thenThrows('FORBIDDEN', 'OUTSIDE_DEPARTMENT_SCOPE');
    given([seeded]).when({ ...part, data: { ...part.data, taskId: taskTwo.taskId } }).thenThrows('CONFLICT', 'TASK_EXISTS');
  });
});
