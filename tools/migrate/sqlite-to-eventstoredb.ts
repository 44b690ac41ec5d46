import { parseArgs } from 'node:util';
import { EventStoreDbEventStore } from '@gongkai/event-sourcing/eventstoredb';
import { SqliteEventStore } from '@gongkai/event-sourcing/sqlite';
import { migrateEventLog, verifyMigration } from './migrate-event-log';

/**
 * npm run migrate:sqlite-to-eventstoredb -- --from data/gongkai.db --to esdb://host:2113?tls=false
 * Moves the embedded platform's event log into EventStoreDB, then verifies every chain.
 */
const main = async (): Promise<void> => {
  const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } });
  if (!values.from || !values.to) throw new Error('Usage: --from <sqlite file> --to <esdb:// connection string>');
  const source = new SqliteEventStore(values.from);
  const target = EventStoreDbEventStore.connect(values.to);
  try {
    const report = await migrateEventLog(source, target, (copied) => process.stdout.write(`\rcopied ${copied} events`));
    process.stdout.write(`\n${report.events} events in ${report.streams} streams (${report.written} written, ${report.events - report.written} already there)\n`);
    const problems = await verifyMigration(source, target);
    if (problems.length) throw new Error(`Verification failed:\n${problems.join('\n')}`);
    process.stdout.write('every stream verified: same ids, same hashes, chains intact\n');
  } finally {
    await Promise.all([source.close(), target.close()]);
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
