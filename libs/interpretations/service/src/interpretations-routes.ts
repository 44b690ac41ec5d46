import type { DeciderRoute } from '@gongkai/messaging';

/** Every command of the interpretations context and the aggregate stream it goes to. */
export const INTERPRETATIONS_ROUTES: Readonly<Record<string, DeciderRoute>> = {};
