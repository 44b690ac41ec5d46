import type { Projection } from '@gongkai/read-store';
import { decisionDraftsProjection } from './decision-drafts.projection';
import { keyWorkItemsProjection } from './key-work-items.projection';
import { normativeRegisterProjection } from './normative-register.projection';

export * from './bureau-readers';
export * from './decision-draft-document';
export * from './decision-drafts.projection';
export * from './consultation-visibility';
export * from './decision-draft-visibility';
export * from './normative-register-documents';
export * from './normative-register.projection';
export * from './normative-register-queries';
export * from './key-work-item-document';
export * from './key-work-items.projection';
export * from './key-work-item-visibility';
export * from './decisions-read.module';

/** The read models this context contributes to the gateway. */
export const DECISIONS_PROJECTIONS: readonly Projection[] = [decisionDraftsProjection, normativeRegisterProjection, keyWorkItemsProjection];
