import type { Actor } from '@gongkai/kernel';
import type { ServiceItemDocument } from '../service-item-document';
import { draftsSeenBy, viewServiceItemAs } from '../service-item-visibility';
import type { ServiceItem } from './service-item.types';
import { toServiceItem } from './to-service-item';

interface Nodes {
  withDrafts?: ServiceItem | null;
  published?: ServiceItem | null;
}

/**
 * Nodes of frozen documents, for readers with and without drafts. A frozen document (as the
 * in-memory read store hands them out) never changes, so neither does what a reader of either kind
 * sees of it; a page asked for again maps nothing. Documents that are not frozen (MongoDB's
 * copies) are mapped every time. Keyed weakly: a node goes with its document.
 */
const nodesOfFrozen = new WeakMap<ServiceItemDocument, Nodes>();

/** The item as `actor` may see it, or null when it may not (see viewServiceItem). */
export const serviceItemNode = (document: ServiceItemDocument, actor: Actor): ServiceItem | null => serviceItemNodes(actor)(document);

/** `serviceItemNode` for one reader and many items. */
export const serviceItemNodes = (actor: Actor): ((document: ServiceItemDocument) => ServiceItem | null) => {
  const seesDrafts = draftsSeenBy(actor);
  return (document) => nodeOf(document, seesDrafts(document.agencyCode));
};

const nodeOf = (document: ServiceItemDocument, withDrafts: boolean): ServiceItem | null => {
  if (!Object.isFrozen(document)) return toNode(document, withDrafts);
  let nodes = nodesOfFrozen.get(document);
  if (!nodes) nodesOfFrozen.set(document, (nodes = {}));
  const kept = withDrafts ? nodes.withDrafts : nodes.published;
  if (kept !== undefined) return kept;
  const node = toNode(document, withDrafts);
  if (withDrafts) nodes.withDrafts = node;
  else nodes.published = node;
  return node;
};

const toNode = (document: ServiceItemDocument, withDrafts: boolean): ServiceItem | null => {
  const view = viewServiceItemAs(document, withDrafts);
  return view ? freezeDeep(toServiceItem(view)) : null;
};

/** Shared between requests, so nobody may change it. */
const freezeDeep = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const item of Object.values(value)) freezeDeep(item);
    Object.freeze(value);
  }
  return value;
};
