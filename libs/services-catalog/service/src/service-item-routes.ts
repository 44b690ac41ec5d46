import { CONTEXTS, streamIdOf } from '@gongkai/contracts';
import { byIdField, type DeciderRoute, route } from '@gongkai/messaging';
import { serviceItemDecider } from '@gongkai/services-catalog/domain';

export const serviceItemStreamId = (itemId: string): string => streamIdOf(CONTEXTS.servicesCatalog, 'ServiceItem', itemId);

const toServiceItem = byIdField(serviceItemStreamId, 'itemId');

/** Every command of the services-catalog context goes to the service item's stream. */
export const SERVICE_ITEM_ROUTES: Readonly<Record<string, DeciderRoute>> = Object.fromEntries(
  ['DraftServiceItem', 'ReviseServiceItem', 'RequestServiceItemPublication', 'PublishReviewedServiceItem', 'RetireServiceItem'].map((type) => [
    type,
    route(serviceItemDecider, toServiceItem),
  ]),
);
