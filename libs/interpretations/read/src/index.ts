import type { Projection } from '@gongkai/read-store';
import { opinionCasesProjection } from './opinion-cases.projection';
import { policyInterpretationsProjection } from './policy-interpretations.projection';

export * from './bureau-readers';
export * from './interpretation-documents';
export * from './interpretation-visibility';
export * from './obligation-queries';
export * from './opinion-case-documents';
export * from './opinion-case-visibility';
export * from './policy-interpretations.projection';
export * from './opinion-cases.projection';
export * from './interpretations-read.module';

/** The read models this context contributes to the gateway. */
export const INTERPRETATIONS_PROJECTIONS: readonly Projection[] = [policyInterpretationsProjection, opinionCasesProjection];
