import { DomainError } from '@gongkai/kernel';
import type { CommandBus, CommandEnvelope, CommandHandlerFn, CommandResult } from '../command-bus';

/** Commands inside one process: a direct call to the context's handler, with the same contract as NATS. */
export class InProcessCommandBus implements CommandBus {
  private readonly handlers = new Map<string, CommandHandlerFn>();

  async send(command: CommandEnvelope): Promise<CommandResult> {
    const handler = this.handlers.get(command.context);
    if (!handler) {
      throw new DomainError('SERVICE_UNAVAILABLE', 'NO_HANDLER', `The ${command.context} service is not running in this process.`);
    }
    return handler(command);
  }

  async serve(context: string, handler: CommandHandlerFn): Promise<void> {
    if (this.handlers.has(context)) throw new Error(`A handler for ${context} is already registered.`);
    this.handlers.set(context, handler);
  }

  async close(): Promise<void> {
    this.handlers.clear();
  }
}
