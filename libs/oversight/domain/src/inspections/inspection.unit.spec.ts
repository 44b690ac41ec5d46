import { DeciderSpecification } from '@gongkai/kernel/testing';
import { auditor, office, planning, window } from '../oversight.fixtures';
import { inspectionDecider } from './inspection-commands';
import type { InspectionEvent } from './inspection-events';

const given = DeciderSpecification.for(inspectionDecider, { now: '2026-11-27T02:00:00Z', actor: office });
const record = {
  inspectionId: 'inspection-1',
  agencyCode: '445300',
  kind: 'AD_HOC',
  inspectedOn: '2026-09-01',
  subject: '办事指南更新情况',
  findings: [
    { description: '部分办事指南未标注承诺时限', departmentCode: 'SERVICE_WINDOW', rectificationDueOn: '2026-09-30' },
    { description: '规划科网站栏目未更新', departmentCode: 'PLANNING', rectificationDueOn: '2026-10-15' },
  ],
};
const recorded: InspectionEvent = {
  type: 'InspectionRecorded',
  data: { ...record, kind: 'AD_HOC', findings: record.findings.map((f, i) => ({ number: i + 1, ...f })) },
};
const rectify = (findingNumber: number, rectifiedOn: string) => ({ type: 'RecordRectification' as const, data: { inspectionId: 'inspection-1', findingNumber, rectifiedOn, note: '已整改' } });

describe('Inspections (督查) and rectification (整改)', () => {
  it('records an inspection with numbered findings', () => {
    given([]).when({ type: 'RecordInspection', data: record }).then([recorded]);
  });

  it('records a rectification on time or late', () => {
    given([recorded]).when(rectify(1, '2026-09-28'), { actor: window }).then([{ type: 'RectificationRecorded', data: { inspectionId: 'inspection-1', findingNumber: 1, rectifiedOn: '2026-09-28', note: '已整改', late: false } }]);
    expect(given([recorded]).when(rectify(2, '2026-10-20'), { actor: planning }).events()[0].data).toMatchObject({ late: true });
  });

  it('lets only the responsible department or the office rectify, once', () => {
    given([recorded]).when(rectify(2, '2026-10-01'), { actor: window }).thenThrows('FORBIDDEN', 'OUTSIDE_DEPARTMENT_SCOPE');
    const done: InspectionEvent = { type: 'RectificationRecorded', data: { inspectionId: 'inspection-1', findingNumber: 1, rectifiedOn: '2026-09-28', note: '已整改', late: false } };
    given([recorded, done]).when(rectify(1, '2026-10-01')).thenThrows('CONFLICT', 'FINDING_ALREADY_RECTIFIED');
    given([recorded]).when(rectify(3, '2026-10-01')).thenThrows('NOT_FOUND', 'FINDING_NOT_FOUND');
    given([recorded]).when(rectify(1, '2026-08-01')).thenThrows('BAD_USER_INPUT', 'RECTIFIED_BEFORE_INSPECTION');
  });

  it.each([
    ['a deadline before the inspection', { findings: [{ ...record.findings[0], rectificationDueOn: '2026-08-01' }] }, 'RECTIFICATION_DUE_BEFORE_INSPECTION'],
    ['an inspection in the future', { inspectedOn: '2026-12-01' }, 'DATE_IN_FUTURE'],
    ['an unknown kind', { kind: 'SURPRISE' }, 'NOT_ALLOWED_VALUE'],
    ['a date that does not exist', { inspectedOn: '2026-02-30' }, 'INVALID_DATE'],
  ])('refuses %s', (_label, change, rule) => {
    given([]).when({ type: 'RecordInspection', data: { ...record, ...change } }).thenThrows('BAD_USER_INPUT', rule);
  });

  it('is the office’s to record', () => {
    given([]).when({ type: 'RecordInspection', data: record }, { actor: auditor }).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
    given([recorded]).when({ type: 'RecordInspection', data: record }).thenThrows('CONFLICT', 'INSPECTION_EXISTS');
  });
});
