import type { PublicationRequestMarker } from '@gongkai/contracts';
import type { LocalDate } from '@gongkai/kernel';

/** An enterprise under supervision (监管企业), identified by its unified social credit code. */
export interface EnterpriseProfile {
  readonly creditCode: string;
  readonly name: string;
  readonly address: string;
  /** The county-level division (县、市、区) it lies in: a county bureau's code. */
  readonly countyCode: string;
  /** Its industry (行业), as the business licence states it. */
  readonly industry: string;
}

/**
 * A change of the registers the bureau keeps about enterprises: the environmental violation
 * blacklist (环境违法黑名单), entry and exit, and the list of key monitored enterprises (重点排污单位名录) by year.
 */
export type RegisterChange =
  | { readonly kind: 'BLACKLIST_ENTRY'; readonly on: LocalDate; readonly reason: string; readonly legalBasis: string }
  | { readonly kind: 'BLACKLIST_EXIT'; readonly on: LocalDate; readonly reason: string }
  | { readonly kind: 'KEY_MONITORED'; readonly year: number };

export type EnterpriseEvent =
  | { type: 'EnterpriseRegistered'; data: EnterpriseProfile & { agencyCode: string; registeredAt: string } }
  | { type: 'EnterpriseRegisterChanged'; data: { creditCode: string; sequence: number; change: RegisterChange; contentHash: string; recordedAt: string } & PublicationRequestMarker }
  | { type: 'EnterpriseRegisterChangePublished'; data: { creditCode: string; sequence: number; reviewId: string; contentHash: string; publishedAt: string } };

export interface RecordedChange {
  readonly sequence: number;
  readonly change: RegisterChange;
  readonly contentHash: string;
  readonly reviewId: string;
  readonly published: boolean;
}

export type EnterpriseState =
  | { status: 'NONE' }
  | { status: 'REGISTERED'; profile: EnterpriseProfile; agencyCode: string; changes: readonly RecordedChange[] };

export const initialEnterpriseState = (): EnterpriseState => ({ status: 'NONE' });

export const evolveEnterprise = (state: EnterpriseState, event: EnterpriseEvent): EnterpriseState => {
  switch (event.type) {
    case 'EnterpriseRegistered': {
      const { agencyCode, registeredAt: _at, ...profile } = event.data;
      return { status: 'REGISTERED', profile, agencyCode, changes: [] };
    }
    case 'EnterpriseRegisterChanged': {
      if (state.status === 'NONE') return state;
      const { sequence, change, contentHash, publicationRequest } = event.data;
      return { ...state, changes: [...state.changes, { sequence, change, contentHash, reviewId: publicationRequest.reviewId, published: false }] };
    }
    case 'EnterpriseRegisterChangePublished':
      if (state.status === 'NONE') return state;
      return { ...state, changes: state.changes.map((c) => (c.sequence === event.data.sequence ? { ...c, published: true } : c)) };
  }
};
