import type { StreamMetadata as EsdbStreamMetadata } from '@eventstore/db-client';
import type { StreamMetadata } from '../event-store';

/**
 * Our metadata lives under one key of EventStoreDB's stream metadata. Spread at the top level, a
 * key such as `maxCount` or `maxAge` would be taken by the server as a retention rule and
 * truncate an audit stream; nested, the server's own settings (ACLs, set by operators) are kept.
 */
const CUSTOM_KEY = 'gongkai';

export const readCustomMetadata = (metadata: EsdbStreamMetadata | undefined): StreamMetadata | undefined => {
  const custom = metadata?.[CUSTOM_KEY];
  return typeof custom === 'object' && custom !== null ? (custom as StreamMetadata) : undefined;
};

export const withCustomMetadata = (current: EsdbStreamMetadata | undefined, custom: StreamMetadata): EsdbStreamMetadata => ({
  ...current,
  [CUSTOM_KEY]: custom,
});
