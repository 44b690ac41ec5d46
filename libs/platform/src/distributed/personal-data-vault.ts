import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { PersonalDataVault } from '@gongkai/event-sourcing';
import { MongoPersonalDataVault } from '@gongkai/event-sourcing/mongo';
import { SqlitePersonalDataVault } from '@gongkai/event-sourcing/sqlite';
import type { PersonalDataLocation } from './personal-data-config';

/** The vault where the configuration puts it; the process closes it at shutdown. */
export const openPersonalDataVault = async (location: PersonalDataLocation): Promise<PersonalDataVault> => {
  if (location.kind === 'mongodb') return MongoPersonalDataVault.connect(location.uri, { database: location.database });
  mkdirSync(dirname(location.file), { recursive: true });
  return SqlitePersonalDataVault.open(location.file);
};
