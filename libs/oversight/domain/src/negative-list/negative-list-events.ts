/**
 * The negative list (负面清单): the categories of government information that are not to be
 * disclosed, each with its legal basis. Everything outside it is disclosed in principle (以公开为
 * 常态、不公开为例外). One list per agency, versioned: every change makes a new version, and
 * retired items stay in the history so that an old rejection can still be read against them.
 */
export interface NegativeListEntry {
  readonly code: string;
  readonly description: string;
  readonly legalBasis: string;
}

export type NegativeListEvent =
  | { type: 'NegativeListItemAdded'; data: NegativeListEntry & { agencyCode: string; listVersion: number; addedAt: string } }
  | { type: 'NegativeListItemRetired'; data: { agencyCode: string; code: string; reason: string; listVersion: number; retiredAt: string } };

export interface NegativeListItemState extends NegativeListEntry {
  readonly retired: boolean;
}

export interface NegativeListState {
  readonly version: number;
  readonly items: Readonly<Record<string, NegativeListItemState>>;
}

export const initialNegativeListState = (): NegativeListState => ({ version: 0, items: {} });

export const evolveNegativeList = (state: NegativeListState, event: NegativeListEvent): NegativeListState => {
  switch (event.type) {
    case 'NegativeListItemAdded': {
      const { code, description, legalBasis, listVersion } = event.data;
      return { version: listVersion, items: { ...state.items, [code]: { code, description, legalBasis, retired: false } } };
    }
    case 'NegativeListItemRetired': {
      const item = state.items[event.data.code];
      return { version: event.data.listVersion, items: item ? { ...state.items, [item.code]: { ...item, retired: true } } : state.items };
    }
  }
};
