import type { Projection } from '@gongkai/read-store';
import { disclosureImportsProjection } from './projections/disclosure-imports.projection';
import { disclosuresProjection } from './projections/disclosures.projection';
import { enterprisesProjection } from './projections/enterprises.projection';

/** The read models this context contributes to the gateway. */
export const SUPERVISION_PROJECTIONS: readonly Projection[] = [enterprisesProjection, disclosuresProjection, disclosureImportsProjection];
