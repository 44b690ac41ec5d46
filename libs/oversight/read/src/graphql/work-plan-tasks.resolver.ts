import { CONTEXTS } from '@gongkai/contracts';
import { CommandGateway, commandOptions, CurrentActor, CurrentRequest, departmentRef, type GatewayContext, newAggregateId } from '@gongkai/graphql';
import { type Actor, notFound, optionalDepartment, requireRole } from '@gongkai/kernel';
import { READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { agencyOf, requireInternalReader } from '../oversight-access';
import { WORK_PLAN_TASKS, type WorkPlanTaskDocument } from '../responsibility/work-plan-tasks.projection';
import { WorkPlanTask } from './work-plan-task.types';

const toTask = (task: WorkPlanTaskDocument): WorkPlanTask => ({
  id: task._id,
  number: task.planTaskNumber,
  parentTaskId: task.parentTaskId,
  title: task.title,
  responsibility: task.responsibility,
  departments: task.departmentCodes.map(departmentRef),
  assignees: Object.entries(task.assignees).map(([code, assignee]) => ({ department: departmentRef(code), assignee })),
  assignments: task.assignments.map((a) => ({ department: departmentRef(a.departmentCode), assignee: a.assignee, previousAssignee: a.previousAssignee, assignedAt: a.assignedAt, assignedBy: a.assignedBy })),
});

/** Responsibility (责任落实): the plan's tasks, their parts, and who answers for each. */
@Resolver(() => WorkPlanTask)
export class WorkPlanTasksResolver {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly commands: CommandGateway,
  ) {}

  @Query(() => [WorkPlanTask], { description: 'The plan’s ten tasks and their parts, in plan order; filter by responsible department.' })
  async tasks(
    @CurrentActor() actor: Actor,
    @Args('departmentCode', { type: () => String, nullable: true }) departmentCode: string | null,
    @Args('agencyCode', { type: () => String, nullable: true }) agencyCode: string | null,
  ): Promise<WorkPlanTask[]> {
    const agency = agencyOf(actor, agencyCode);
    const department = optionalDepartment('departmentCode', departmentCode);
    requireInternalReader(actor, agency);
    const filter = { agencyCode: agency, ...(department ? { departmentCodes: department } : {}) };
    const tasks = await this.store.collection<WorkPlanTaskDocument>(WORK_PLAN_TASKS).find(filter, { sort: { planTaskNumber: 1, createdAt: 1, _id: 1 } });
    return tasks.map(toTask);
  }

  @Mutation(() => WorkPlanTask, { description: 'Assigns a task to a named person of a department; the history keeps every assignment.' })
  async assignTask(
    @CurrentRequest() request: GatewayContext,
    @Args('taskId', { type: () => ID }) taskId: string,
    @Args('departmentCode', { type: () => String }) departmentCode: string,
    @Args('assignee', { type: () => String }) assignee: string,
  ): Promise<WorkPlanTask> {
    await this.commands.execute(request, CONTEXTS.oversight, 'AssignWorkPlanTask', { taskId, departmentCode, assignee }, commandOptions(request));
    return this.current(taskId);
  }

  @Mutation(() => WorkPlanTask, { description: 'Breaks a task down (细化分解) into a part for one department; returns the new part.' })
  async breakDownTask(
    @CurrentRequest() request: GatewayContext,
    @Args('taskId', { type: () => ID }) taskId: string,
    @Args('title', { type: () => String }) title: string,
    @Args('departmentCode', { type: () => String }) departmentCode: string,
  ): Promise<WorkPlanTask> {
    requireRole(request.actor, 'staff', 'office', 'admin');
    const parent = await this.store.collection<WorkPlanTaskDocument>(WORK_PLAN_TASKS).findOne({ _id: taskId });
    if (!parent) throw notFound('TASK_NOT_FOUND', `There is no work-plan task ${taskId}.`);
    const partId = newAggregateId(request, `task-part:${taskId}`);
    await this.commands.execute(request, CONTEXTS.oversight, 'BreakDownWorkPlanTask', { taskId: partId, parentTaskId: taskId, agencyCode: parent.agencyCode, title, departmentCode }, commandOptions(request));
    return this.current(partId);
  }

  private async current(taskId: string): Promise<WorkPlanTask> {
    const task = await this.store.collection<WorkPlanTaskDocument>(WORK_PLAN_TASKS).findOne({ _id: taskId });
    if (!task) throw notFound('TASK_NOT_FOUND', `There is no work-plan task ${taskId}.`);
    return toTask(task);
  }
}
