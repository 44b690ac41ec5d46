import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { WorkPlanTaskEvent } from '@gongkai/oversight/domain';
import type { Projection, ReadDocument, ReadStore } from '@gongkai/read-store';

export const WORK_PLAN_TASKS = 'oversight_work_plan_tasks';

export interface TaskAssignmentEntry {
  readonly departmentCode: string;
  readonly assignee: string;
  readonly previousAssignee: string | null;
  readonly assignedAt: string;
  readonly assignedBy: string;
}

/** A task of the work plan, or a part broken down from one, with who answers for it and the history. */
export interface WorkPlanTaskDocument extends ReadDocument {
  readonly agencyCode: string;
  readonly planTaskNumber: number | null;
  readonly parentTaskId: string | null;
  readonly title: string;
  readonly responsibility: string;
  readonly departmentCodes: readonly string[];
  /** Department → current assignee. */
  readonly assignees: Readonly<Record<string, string>>;
  readonly assignments: readonly TaskAssignmentEntry[];
  readonly createdAt: string;
}

type DataOf<T extends WorkPlanTaskEvent['type']> = Extract<WorkPlanTaskEvent, { type: T }>['data'];

export const workPlanTasksProjection: Projection = {
  name: 'oversight.work-plan-tasks',
  version: 1,
  collections: [WORK_PLAN_TASKS],
  indexes: { [WORK_PLAN_TASKS]: [{ keys: { agencyCode: 1, planTaskNumber: 1 } }, { keys: { parentTaskId: 1 } }] },
  handles: ['WorkPlanTaskCreated', 'WorkPlanTaskAssigned'],

  async apply(event: RecordedEvent, store: ReadStore): Promise<void> {
    const tasks = store.collection<WorkPlanTaskDocument>(WORK_PLAN_TASKS);
    if (event.type === 'WorkPlanTaskCreated') {
      const data = event.data as DataOf<'WorkPlanTaskCreated'>;
      await tasks.replaceOne(
        { _id: data.taskId },
        {
          _id: data.taskId,
          agencyCode: data.agencyCode,
          planTaskNumber: data.planTaskNumber ?? null,
          parentTaskId: data.parentTaskId ?? null,
          title: data.title,
          responsibility: data.responsibility,
          departmentCodes: data.departmentCodes,
          assignees: {},
          assignments: [],
          createdAt: event.occurredAt,
        },
        { upsert: true },
      );
      return;
    }
    const data = event.data as DataOf<'WorkPlanTaskAssigned'>;
    const task = await tasks.findOne({ _id: data.taskId });
    if (!task) return;
    const entry: TaskAssignmentEntry = { departmentCode: data.departmentCode, assignee: data.assignee, previousAssignee: data.previousAssignee, assignedAt: data.assignedAt, assignedBy: event.metadata.actor.id };
    await tasks.updateOne(
      { _id: data.taskId },
      {
        $set: {
          departmentCodes: task.departmentCodes.includes(data.departmentCode) ? task.departmentCodes : [...task.departmentCodes, data.departmentCode],
          assignees: { ...task.assignees, [data.departmentCode]: data.assignee },
          assignments: [...task.assignments, entry],
        },
      },
    );
  },
};
