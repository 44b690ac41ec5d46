import { eventually, graphql, loginAs } from '@gongkai/testing';
import { serviceGuide } from '../support/service-item-fixtures';

// The operations of apps/platform/src/service-catalogue.e2e.spec.ts.
const DRAFT = 'mutation($input: ServiceItemInput!) { draftServiceItem(input: $input) { id version } }';
const REQUEST = 'mutation($id: ID!, $v: Int!) { requestServiceItemPublication(id: $id, expectedVersion: $v) { id publicationStatus } }';
const PENDING_REVIEWS = 'query { publicationReviews(status: PENDING) { id itemId } }';
const APPROVE = 'mutation($id: ID!) { approvePublicationReview(id: $id, comment: "no secrets") { id status } }';
const PUBLIC_COUNT = '{ serviceItems(first: 1) { totalCount } }';

const SEED_TIMEOUT_MS = 60_000;

const must = <T>(result: { data: T | null; errors?: unknown }, what: string): T => {
  if (!result.data || result.errors) throw new Error(`${what} failed: ${JSON.stringify(result.errors)}`);
  return result.data;
};

/**
 * Fills the catalogue the way people do: the service window drafts each item and asks for its
 * publication, the reviewer approves each review, the platform publishes. Resolves once the
 * anonymous public sees all `count` items.
 */
export const seedPublishedCatalogue = async (baseUrl: string, count: number): Promise<void> => {
  const window = await loginAs(baseUrl, 'window');
  const reviewer = await loginAs(baseUrl, 'reviewer');
  const itemIds = new Set<string>();
  for (let n = 0; n < count; n++) {
    const drafted = must(await graphql<{ draftServiceItem: { id: string } }>(baseUrl, DRAFT, { input: serviceGuide(n) }, window), 'draftServiceItem');
    itemIds.add(drafted.draftServiceItem.id);
    must(await graphql(baseUrl, REQUEST, { id: drafted.draftServiceItem.id, v: 1 }, window), 'requestServiceItemPublication');
  }
  // The review gate opens its reviews from the events, after the commands have answered.
  const reviews = await eventually(async () => {
    const pending = must(await graphql<{ publicationReviews: { id: string; itemId: string }[] }>(baseUrl, PENDING_REVIEWS, {}, reviewer), 'publicationReviews');
    const ours = pending.publicationReviews.filter((review) => itemIds.has(review.itemId));
    return ours.length === count ? ours : undefined;
  }, SEED_TIMEOUT_MS);
  for (const review of reviews) must(await graphql(baseUrl, APPROVE, { id: review.id }, reviewer), 'approvePublicationReview');
  await eventually(async () => {
    const listed = must(await graphql<{ serviceItems: { totalCount: number } }>(baseUrl, PUBLIC_COUNT), 'serviceItems');
    return listed.serviceItems.totalCount === count;
  }, SEED_TIMEOUT_MS);
};
