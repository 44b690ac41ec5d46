import { parseArgs } from 'node:util';
import { MongoPersonalDataVault } from '@gongkai/event-sourcing/mongo';
import { SqlitePersonalDataVault } from '@gongkai/event-sourcing/sqlite';
import { migratePersonalDataKeys } from './migrate-personal-data';

/**
 * npm run migrate:personal-data-to-mongodb -- --from data/personal-data.db --to mongodb://… [--database gongkai-personal-data]
 * Moves the personal-data vault's keys from the embedded platform's SQLite file into MongoDB.
 */
const main = async (): Promise<void> => {
  const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' }, database: { type: 'string' } } });
  if (!values.from || !values.to) throw new Error('Usage: --from <personal-data.db> --to <mongodb:// connection string> [--database <name>]');
  const source = SqlitePersonalDataVault.open(values.from);
  const target = await MongoPersonalDataVault.connect(values.to, values.database ? { database: values.database } : {});
  try {
    const report = await migratePersonalDataKeys(source, target);
    process.stdout.write(`${report.subjects} subjects (${report.imported} imported, ${report.alreadyHere} already there)\n`);
    if (report.conflicts.length) throw new Error(`Subjects already holding another key in MongoDB, left alone:\n${report.conflicts.join('\n')}`);
    if (report.unverified.length) throw new Error(`Verification failed for:\n${report.unverified.join('\n')}`);
    process.stdout.write('every key verified: what the file seals MongoDB opens, every erasure kept\n');
  } finally {
    await Promise.all([source.close(), target.close()]);
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
