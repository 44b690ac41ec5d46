import { connect } from '@nats-io/transport-node';
import { failStart } from './announce';

/**
 * The baseline of the command round trip: a NATS responder in its own process that answers every
 * request on `bench.echo` with its own payload, in one queue group, as a service would.
 */
const main = async (): Promise<void> => {
  const url = process.env['NATS_URL'];
  if (!url) throw new Error('NATS_URL is required');
  const connection = await connect({ servers: url, name: 'bench-echo' });
  connection.subscribe('bench.echo', { queue: 'bench', callback: (_error, msg) => {
      msg.respond(msg.data);
    },
  });
  await connection.flush();
  process.stdout.write(`${JSON.stringify({ listening: 'bench.echo' })}\n`);
  process.once('SIGTERM', () => void connection.drain().then(() => process.exit(0)));
};

main().catch(failStart);
