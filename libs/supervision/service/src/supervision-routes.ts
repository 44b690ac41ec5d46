import type { DeciderRoute } from '@gongkai/messaging';

/** Every command of the supervision context and the aggregate stream it goes to. */
export const SUPERVISION_ROUTES: Readonly<Record<string, DeciderRoute>> = {};
