import { requireLocalDate } from '@gongkai/calendar';
import {
  assertNever,
  badInput,
  conflict,
  type DecideContext,
  type Decider,
  notFound,
  requireAgency,
  requireAgencyScope,
  requireDepartment,
  requireDepartmentScope,
  requireInteger,
  requireList,
  requireOneOf,
  requireRole,
  requireText,
} from '@gongkai/kernel';
import { requireId, requirePastDate } from '../oversight-rules';
import { evolveInspection, initialInspectionState, INSPECTION_KINDS, type InspectionEvent, type InspectionFinding, type InspectionState } from './inspection-events';

export type InspectionCommand =
  | { type: 'RecordInspection'; data: { inspectionId: string; agencyCode: string; kind: string; inspectedOn: string; subject: string; findings: unknown } }
  | { type: 'RecordRectification'; data: { inspectionId: string; findingNumber: number; rectifiedOn: string; note: string } };

export const INSPECTION_COMMAND_TYPES: readonly InspectionCommand['type'][] = ['RecordInspection', 'RecordRectification'];

const finding = (inspectedOn: string) => (value: unknown, index: number): InspectionFinding => {
  const input = (value ?? {}) as Record<string, unknown>;
  const field = `findings[${index}]`;
  const rectificationDueOn = requireLocalDate(`${field}.rectificationDueOn`, input['rectificationDueOn']);
  if (rectificationDueOn < inspectedOn) {
    throw badInput('RECTIFICATION_DUE_BEFORE_INSPECTION', `${field}.rectificationDueOn (${rectificationDueOn}) is before the inspection (${inspectedOn}).`, { field: `${field}.rectificationDueOn` });
  }
  return {
    number: index + 1,
    description: requireText(`${field}.description`, input['description'], { max: 4000 }),
    departmentCode: requireDepartment(`${field}.departmentCode`, input['departmentCode']),
    rectificationDueOn,
  };
};

/** The office inspects (局办公室定期、不定期对政务公开工作落实情况进行督查). */
const record = (command: Extract<InspectionCommand, { type: 'RecordInspection' }>, state: InspectionState, context: DecideContext): InspectionEvent[] => {
  requireRole(context.actor, 'office');
  if (state.status !== 'NONE') throw conflict('INSPECTION_EXISTS', `Inspection ${command.data.inspectionId} is already recorded.`);
  const agencyCode = requireAgency('agencyCode', command.data.agencyCode);
  requireAgencyScope(context.actor, agencyCode);
  const kind = requireOneOf('kind', command.data.kind, INSPECTION_KINDS);
  const inspectedOn = requirePastDate('inspectedOn', command.data.inspectedOn, context);
  const subject = requireText('subject', command.data.subject, { max: 500 });
  const findings = requireList('findings', command.data.findings, { max: 100 }, finding(inspectedOn));
  return [{ type: 'InspectionRecorded', data: { inspectionId: requireId('inspectionId', command.data.inspectionId), agencyCode, kind, inspectedOn, subject, findings } }];
};

/** The department that must rectify records it done, or the office on its behalf. */
const rectify = (command: Extract<InspectionCommand, { type: 'RecordRectification' }>, state: InspectionState, context: DecideContext): InspectionEvent[] => {
  requireRole(context.actor, 'staff', 'office');
  if (state.status === 'NONE') throw notFound('INSPECTION_NOT_FOUND', `There is no inspection ${command.data.inspectionId}.`);
  requireAgencyScope(context.actor, state.agencyCode);
  const number = requireInteger('findingNumber', command.data.findingNumber, { min: 1, max: 100 });
  const target = state.findings.find((f) => f.number === number);
  if (!target) throw notFound('FINDING_NOT_FOUND', `Inspection ${state.inspectionId} has no finding ${number}.`);
  requireDepartmentScope(context.actor, target.departmentCode);
  if (state.rectified[number]) throw conflict('FINDING_ALREADY_RECTIFIED', `Finding ${number} was rectified on ${state.rectified[number]}.`);
  const rectifiedOn = requirePastDate('rectifiedOn', command.data.rectifiedOn, context);
  if (rectifiedOn < state.inspectedOn) throw badInput('RECTIFIED_BEFORE_INSPECTION', `rectifiedOn (${rectifiedOn}) is before the inspection (${state.inspectedOn}).`, { field: 'rectifiedOn' });
  const note = requireText('note', command.data.note, { max: 4000 });
  return [{ type: 'RectificationRecorded', data: { inspectionId: state.inspectionId, findingNumber: number, rectifiedOn, note, late: rectifiedOn > target.rectificationDueOn } }];
};

export const decideInspection = (command: InspectionCommand, state: InspectionState, context: DecideContext): InspectionEvent[] => {
  switch (command.type) {
    case 'RecordInspection':
      return record(command, state, context);
    case 'RecordRectification':
      return rectify(command, state, context);
    default:
      return assertNever(command);
  }
};

export const inspectionDecider: Decider<InspectionCommand, InspectionEvent, InspectionState> = {
  initialState: initialInspectionState,
  decide: decideInspection,
  evolve: evolveInspection,
};
