import type { LocalDate } from '@gongkai/kernel';

/** A register change as the domain and the read models both hold it: its kind and, for the blacklist, its day. */
interface DatedChange {
  readonly kind: string;
  readonly on?: LocalDate;
}

/**
 * The blacklist entry (环境违法黑名单) in force on `asOf`, or undefined: the last entry on or before
 * that day, unless an exit on or before that day followed it. Changes come in the order they were
 * recorded, which the decider keeps in date order.
 */
export const blacklistEntryAsOf = <C extends DatedChange>(changes: readonly C[], asOf: LocalDate): C | undefined => {
  let entry: C | undefined;
  for (const change of changes) {
    if (change.on === undefined || change.on > asOf) continue;
    if (change.kind === 'BLACKLIST_ENTRY') entry = change;
    else if (change.kind === 'BLACKLIST_EXIT') entry = undefined;
  }
  return entry;
};

/** The last blacklist change, which says whether the enterprise is listed now. */
export const lastBlacklistChange = <C extends DatedChange>(changes: readonly C[]): C | undefined =>
  changes.filter((change) => change.kind === 'BLACKLIST_ENTRY' || change.kind === 'BLACKLIST_EXIT').at(-1);
