import { CONTEXTS } from '@gongkai/contracts';
import { systemActor } from '@gongkai/kernel';
import type { CommandBus } from '@gongkai/messaging';
import { WORK_PLAN_TASKS } from '@gongkai/oversight/domain';

const actor = systemActor('oversight.work-plan');

/**
 * Seeds the ten main tasks of the work plan (云环办〔2017〕11号). Safe to repeat: each command has
 * an idempotency key and the decider creates a task only once, so every start simply tries again.
 */
export const seedWorkPlan = async (commands: CommandBus): Promise<void> => {
  for (const task of WORK_PLAN_TASKS) {
    await commands.send({
      context: CONTEXTS.oversight,
      type: 'SeedWorkPlanTask',
      data: { taskId: task.taskId },
      metadata: { actor, correlationId: `seed:${task.taskId}`, idempotencyKey: `seed:${task.taskId}` },
    });
  }
};
