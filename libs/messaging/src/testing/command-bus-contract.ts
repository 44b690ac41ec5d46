import { DomainError, type Actor } from '@gongkai/kernel';
import type { CommandBus, CommandEnvelope, CommandResult } from '../command-bus';

/** The two ends of a command transport: in-process they are one bus, over NATS two connections. */
export interface CommandBusPair {
  /** Where a context serves its commands. */
  readonly server: CommandBus;
  /** Where commands are sent from (the gateway, a process manager). */
  readonly client: CommandBus;
  close(): Promise<void>;
}

export type CommandBusFactory = () => Promise<CommandBusPair>;

const CONTEXT = 'services-catalog';

const clerk: Actor = {
  id: 'user-window-07',
  roles: ['staff', 'reviewer'],
  agencyCode: '445300',
  departmentCode: 'approval',
  displayName: '张科长（行政审批科）',
};

const aCommand = (overrides: Partial<CommandEnvelope> = {}): CommandEnvelope => ({
  context: CONTEXT,
  type: 'RegisterServiceItem',
  data: { title: '排污许可证核发', fee: { amountFen: 0 }, steps: ['受理', '审查', '决定'], note: null },
  metadata: {
    actor: clerk,
    correlationId: 'corr-3f1c',
    causationId: 'cause-77a0',
    idempotencyKey: 'idem-0001',
    // Line breaks, a percent sign and surrounding spaces: all must survive a header round trip.
    reason: '  材料不全，请补正：\n1. 营业执照复印件；2. 环评批复 (100%)  ',
  },
  ...overrides,
});

const resultFor = (command: CommandEnvelope, revision = 0): CommandResult => ({
  streamId: `${command.context}.ServiceItem-${command.metadata.correlationId}`,
  revision,
  position: revision + 1,
});

const caught = async (work: Promise<unknown>): Promise<unknown> => {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('expected the send to fail');
};

/**
 * What every CommandBus must do, whatever carries the commands. Both the in-process bus and the
 * NATS bus run this suite, so that code above the port cannot tell them apart.
 */
export const describeCommandBusContract = (name: string, factory: CommandBusFactory): void => {
  describe(`CommandBus contract: ${name}`, () => {
    let buses: CommandBusPair;

    beforeEach(async () => {
      buses = await factory();
    });

    afterEach(async () => {
      await buses.close();
    });

    it('hands the served handler the command with its data and metadata intact, and returns its result', async () => {
      const received: CommandEnvelope[] = [];
      await buses.server.serve(CONTEXT, async (command) => {
        received.push(command);
        return resultFor(command, 3);
      });
      const command = aCommand();

      const result = await buses.client.send(command);

      expect(result).toEqual(resultFor(command, 3));
      expect(received).toEqual([command]);
    });

    it('sends a command that carries only the required metadata', async () => {
      const received: CommandEnvelope[] = [];
      await buses.server.serve(CONTEXT, async (command) => {
        received.push(command);
        return resultFor(command);
      });
      const command = aCommand({ data: undefined, metadata: { actor: { id: 'anonymous', roles: ['public'] }, correlationId: 'corr-min' } });

      await buses.client.send(command);

      expect(received).toHaveLength(1);
      expect(received[0]?.metadata).toEqual(command.metadata);
      expect(received[0]?.metadata).not.toHaveProperty('reason');
      expect(received[0]?.data).toBeUndefined();
    });

    it('throws the DomainError of the handler on the sender side, with code, rule, message and details', async () => {
      await buses.server.serve(CONTEXT, async () => {
        throw new DomainError('CONFLICT', 'SERVICE_ITEM_ALREADY_PUBLISHED', '该事项已公开，不能重复发布。', { field: 'status', revision: 4 });
      });

      const error = await caught(buses.client.send(aCommand()));

      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({
        code: 'CONFLICT',
        rule: 'SERVICE_ITEM_ALREADY_PUBLISHED',
        message: '该事项已公开，不能重复发布。',
        details: { field: 'status', revision: 4 },
      });
    });

    it('answers SERVICE_UNAVAILABLE when no handler serves the context', async () => {
      await buses.server.serve('decisions', async (command) => resultFor(command));

      const error = await caught(buses.client.send(aCommand({ context: 'supervision' })));

      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    });

    it('routes each command to the handler of its own context', async () => {
      await buses.server.serve('decisions', async (command) => ({ ...resultFor(command), streamId: 'decisions.Decision-1' }));
      await buses.server.serve(CONTEXT, async (command) => ({ ...resultFor(command), streamId: 'services-catalog.ServiceItem-1' }));

      const [decision, item] = await Promise.all([buses.client.send(aCommand({ context: 'decisions' })), buses.client.send(aCommand())]);

      expect(decision.streamId).toBe('decisions.Decision-1');
      expect(item.streamId).toBe('services-catalog.ServiceItem-1');
    });

    it('answers every one of many concurrent sends with its own result', async () => {
      await buses.server.serve(CONTEXT, async (command) => {
        const { index } = command.data as { index: number };
        // Later commands finish first: replies must still reach the right sender.
        await new Promise((resolve) => setTimeout(resolve, (50 - index) % 7));
        return { streamId: `${CONTEXT}.ServiceItem-${index}`, revision: index, position: index };
      });

      const results = await Promise.all(Array.from({ length: 50 }, (_, index) => buses.client.send(aCommand({ data: { index } }))));

      expect(results.map((result) => result.revision)).toEqual(Array.from({ length: 50 }, (_, index) => index));
    });

    it('refuses a second handler for a context it already serves', async () => {
      await buses.server.serve(CONTEXT, async (command) => resultFor(command));

      await expect(buses.server.serve(CONTEXT, async (command) => resultFor(command))).rejects.toThrow(/already registered/);
    });
  });
};
