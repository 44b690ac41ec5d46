import type { DeciderRoute } from '@gongkai/messaging';

/** Every command of the decisions context and the aggregate stream it goes to. */
export const DECISIONS_ROUTES: Readonly<Record<string, DeciderRoute>> = {};
