import type { ChannelPublication } from '@gongkai/participation/domain';
import { DELIVERY_HEADER, SIGNATURE_HEADER, signatureHeader } from './webhook-signature';

export interface WebhookTarget {
  readonly webhookId: string;
  readonly url: string;
  readonly secret: string;
}

export interface DeliveryOutcome {
  readonly delivered: boolean;
  readonly statusCode?: number;
  readonly error?: string;
}

/** The body every subscriber receives: the publication and the delivery id to deduplicate on. */
export const deliveryBody = (deliveryId: string, webhookId: string, publication: ChannelPublication): string =>
  JSON.stringify({ type: 'publication', deliveryId, webhookId, publication });

/** One signed POST; any 2xx is delivered, anything else (status, refusal, timeout) a failed attempt. */
export const sendWebhook = async (target: WebhookTarget, deliveryId: string, publication: ChannelPublication, now: Date, timeoutMs: number): Promise<DeliveryOutcome> => {
  const body = deliveryBody(deliveryId, target.webhookId, publication);
  try {
    const response = await fetch(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [DELIVERY_HEADER]: deliveryId,
        [SIGNATURE_HEADER]: signatureHeader(target.secret, Math.floor(now.getTime() / 1000), body),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    return response.ok ? { delivered: true, statusCode: response.status } : { delivered: false, statusCode: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    return { delivered: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
};
