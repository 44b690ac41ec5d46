/**
 * A task of the work plan (工作任务) and its assignments: which department answers for it and which
 * named person does the work. Reassigning keeps the history; nothing is overwritten.
 */
export type WorkPlanTaskEvent =
  | {
      type: 'WorkPlanTaskCreated';
      data: {
        taskId: string;
        agencyCode: string;
        /** The plan's own task number (1–10); absent for a task broken down from another. */
        planTaskNumber?: number;
        parentTaskId?: string;
        title: string;
        responsibility: string;
        departmentCodes: string[];
      };
    }
  | { type: 'WorkPlanTaskAssigned'; data: { taskId: string; departmentCode: string; assignee: string; previousAssignee: string | null; assignedAt: string } };

export type WorkPlanTaskState =
  | { status: 'NONE' }
  | {
      status: 'OPEN';
      taskId: string;
      agencyCode: string;
      title: string;
      departmentCodes: readonly string[];
      /** The current assignee per department. */
      assignees: Readonly<Record<string, string>>;
    };

export const initialWorkPlanTaskState = (): WorkPlanTaskState => ({ status: 'NONE' });

export const evolveWorkPlanTask = (state: WorkPlanTaskState, event: WorkPlanTaskEvent): WorkPlanTaskState => {
  switch (event.type) {
    case 'WorkPlanTaskCreated':
      return { status: 'OPEN', taskId: event.data.taskId, agencyCode: event.data.agencyCode, title: event.data.title, departmentCodes: event.data.departmentCodes, assignees: {} };
    case 'WorkPlanTaskAssigned': {
      if (state.status === 'NONE') return state;
      const { departmentCode, assignee } = event.data;
      const departmentCodes = state.departmentCodes.includes(departmentCode) ? state.departmentCodes : [...state.departmentCodes, departmentCode];
      return { ...state, departmentCodes, assignees: { ...state.assignees, [departmentCode]: assignee } };
    }
  }
};
