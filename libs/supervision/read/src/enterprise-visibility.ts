import { type Actor, isBureauReader } from '@gongkai/kernel';
import { blacklistEntryAsOf, canActForEnterprise, lastBlacklistChange } from '@gongkai/supervision/domain';
import type { EnterpriseDocument, RegisterChangeEntry } from './enterprise-document';

/** What one reader is allowed to see of one enterprise. */
export interface EnterpriseView {
  readonly creditCode: string;
  readonly name: string;
  readonly address: string;
  readonly countyCode: string;
  readonly industry: string;
  readonly keyMonitoredYears: readonly number[];
  readonly blacklisted: boolean;
  /** Register changes the reader may see: all for its bureau staff, the published ones for everyone else. */
  readonly changes: readonly RegisterChangeEntry[];
}

/** Staff of the city bureau and of the enterprise's county bureau see changes still under review. */
export const seesRegisterInternals = (actor: Actor, enterprise: Pick<EnterpriseDocument, 'countyCode'>): boolean =>
  isBureauReader(actor) && canActForEnterprise(actor, enterprise.countyCode);

export const visibleChanges = (enterprise: EnterpriseDocument, actor: Actor): readonly RegisterChangeEntry[] =>
  seesRegisterInternals(actor, enterprise) ? enterprise.changes : enterprise.changes.filter((change) => change.publishedAt !== null);

/**
 * The enterprise as one reader sees it. The public knows an enterprise only once something about
 * it was published (`disclosedPublicly`: a register change or a disclosure record).
 */
export const viewEnterprise = (enterprise: EnterpriseDocument, actor: Actor, disclosedPublicly: boolean): EnterpriseView | null => {
  if (!isBureauReader(actor) && !disclosedPublicly && !enterprise.hasPublishedChange) return null;
  const changes = visibleChanges(enterprise, actor);
  return {
    creditCode: enterprise.creditCode,
    name: enterprise.name,
    address: enterprise.address,
    countyCode: enterprise.countyCode,
    industry: enterprise.industry,
    keyMonitoredYears: changes.flatMap((change) => (change.kind === 'KEY_MONITORED' && change.year !== undefined ? [change.year] : [])).sort((a, b) => a - b),
    blacklisted: lastBlacklistChange(changes)?.kind === 'BLACKLIST_ENTRY',
    changes,
  };
};

export interface BlacklistEntryView {
  readonly creditCode: string;
  readonly enterpriseName: string;
  readonly countyCode: string;
  readonly reason: string;
  readonly legalBasis: string;
  readonly listedOn: string;
  readonly publishedAt: string | null;
}

/** The blacklist (环境违法黑名单) on one day, as the reader may see it, most recent entries first. */
export const blacklistAsOf = (enterprises: readonly EnterpriseDocument[], actor: Actor, asOf: string): BlacklistEntryView[] =>
  enterprises
    .flatMap((enterprise) => {
      const entry = blacklistEntryAsOf(visibleChanges(enterprise, actor), asOf);
      if (!entry) return [];
      return [
        {
          creditCode: enterprise.creditCode,
          enterpriseName: enterprise.name,
          countyCode: enterprise.countyCode,
          reason: entry.reason ?? '',
          legalBasis: entry.legalBasis ?? '',
          listedOn: entry.on ?? '',
          publishedAt: entry.publishedAt,
        },
      ];
    })
    .sort((a, b) => (a.listedOn === b.listedOn ? a.creditCode.localeCompare(b.creditCode) : a.listedOn < b.listedOn ? 1 : -1));
