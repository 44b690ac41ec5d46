import type { DeciderRoute } from '@gongkai/messaging';

/** Every command of the participation context and the aggregate stream it goes to. */
export const PARTICIPATION_ROUTES: Readonly<Record<string, DeciderRoute>> = {};
