import type { DeciderRoute } from '@gongkai/messaging';

/** Every command of the requests context and the aggregate stream it goes to. */
export const REQUESTS_ROUTES: Readonly<Record<string, DeciderRoute>> = {};
