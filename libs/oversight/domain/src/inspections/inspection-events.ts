/**
 * An inspection (督查) of how the open-government work is done: the office inspects regularly and
 * ad hoc (定期、不定期, 保障措施 (四)); each finding names the department that must rectify it and
 * by when, and the rectification is recorded when done.
 */
export const INSPECTION_KINDS = ['REGULAR', 'AD_HOC'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

export interface InspectionFinding {
  readonly number: number;
  readonly description: string;
  readonly departmentCode: string;
  readonly rectificationDueOn: string;
}

export type InspectionEvent =
  | {
      type: 'InspectionRecorded';
      data: { inspectionId: string; agencyCode: string; kind: InspectionKind; inspectedOn: string; subject: string; findings: InspectionFinding[] };
    }
  | { type: 'RectificationRecorded'; data: { inspectionId: string; findingNumber: number; rectifiedOn: string; note: string; late: boolean } };

export type InspectionState =
  | { status: 'NONE' }
  | { status: 'RECORDED'; inspectionId: string; agencyCode: string; inspectedOn: string; findings: readonly InspectionFinding[]; rectified: Readonly<Record<number, string>> };

export const initialInspectionState = (): InspectionState => ({ status: 'NONE' });

export const evolveInspection = (state: InspectionState, event: InspectionEvent): InspectionState => {
  switch (event.type) {
    case 'InspectionRecorded':
      return { status: 'RECORDED', inspectionId: event.data.inspectionId, agencyCode: event.data.agencyCode, inspectedOn: event.data.inspectedOn, findings: event.data.findings, rectified: {} };
    case 'RectificationRecorded':
      return state.status === 'NONE' ? state : { ...state, rectified: { ...state.rectified, [event.data.findingNumber]: event.data.rectifiedOn } };
  }
};
