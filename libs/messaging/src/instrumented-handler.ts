import { isDomainError } from '@gongkai/kernel';
import type { PlatformMetrics } from '@gongkai/observability';
import type { CommandHandlerFn } from './command-bus';

/** Counts and times every command a context serves, by type and outcome. */
export const instrumentCommandHandler =
  (context: string, handler: CommandHandlerFn, metrics: PlatformMetrics): CommandHandlerFn =>
  async (command) => {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const result = await handler(command);
      metrics.observeCommand(context, command.type, 'ok', seconds());
      return result;
    } catch (error) {
      metrics.observeCommand(context, command.type, isDomainError(error) ? error.code : 'INTERNAL', seconds());
      throw error;
    }
  };
