import type { DisclosureCategory } from './disclosure-categories';
import type { DetailField, FieldType } from './detail-fields';

const text = (max = 200): FieldType => ({ kind: 'text', max });
const longText: FieldType = { kind: 'text', max: 8000 };
const date: FieldType = { kind: 'date' };
const oneOf = (...values: string[]): FieldType => ({ kind: 'oneOf', values });
const field = (name: string, label: string, type: FieldType, required = true): DetailField => ({ name, label, type, required });
const optional = (name: string, label: string, type: FieldType): DetailField => field(name, label, type, false);

const legalBasis = (required: boolean): DetailField => field('legalBasis', '法律依据', longText, required);

/** Administrative Penalty Law Art. 9: the kinds of administrative penalty. */
export const PENALTY_KINDS = [
  'WARNING', // 警告
  'CIRCULATED_CRITICISM', // 通报批评
  'FINE', // 罚款
  'CONFISCATION', // 没收违法所得、没收非法财物
  'LICENCE_SUSPENSION', // 暂扣许可证件
  'QUALIFICATION_DOWNGRADE', // 降低资质等级
  'LICENCE_REVOCATION', // 吊销许可证件
  'PRODUCTION_RESTRICTION', // 限制开展生产经营活动
  'SUSPENSION', // 责令停产停业
  'CLOSURE', // 责令关闭
  'EMPLOYMENT_RESTRICTION', // 限制从业
  'DETENTION', // 行政拘留
  'OTHER',
] as const;

/** Environmental Protection Law Art. 25, 28, 59, 60, 63 and Art. 67: enforcement measures short of a penalty. */
export const ENFORCEMENT_ACTION_KINDS = [
  'SEALING_SEIZURE', // 查封、扣押 (Art. 25)
  'PRODUCTION_RESTRICTION', // 限制生产 (Art. 60)
  'SUSPENSION_FOR_RECTIFICATION', // 停产整治 (Art. 60)
  'DAILY_CONTINUOUS_PENALTY', // 按日连续处罚 (Art. 59)
  'TRANSFER_TO_PUBLIC_SECURITY', // 移送公安机关 (Art. 63)
  'ORDER_TO_CORRECT', // 责令改正
  'OTHER',
] as const;

/** The National Emergency Plan for Environmental Incidents: 一般、较大、重大、特别重大. */
export const INCIDENT_SEVERITIES = ['GENERAL', 'LARGER', 'MAJOR', 'ESPECIALLY_MAJOR'] as const;

export const ENVIRONMENTAL_MEDIA = ['AIR', 'SURFACE_WATER', 'DRINKING_WATER_SOURCE', 'GROUNDWATER', 'SEA', 'NOISE', 'SOIL', 'RADIATION', 'OTHER'] as const;

/** The detail fields a reader needs, per category, in the order a spreadsheet lists them. */
export const CATEGORY_FIELDS: Readonly<Record<DisclosureCategory, readonly DetailField[]>> = {
  ENVIRONMENTAL_QUALITY: [
    field('periodFrom', '起始日期', date),
    field('periodTo', '截止日期', date),
    field('area', '区域', text()),
    field('medium', '环境要素', oneOf(...ENVIRONMENTAL_MEDIA)),
    field('indicators', '指标', { kind: 'indicators' }),
    optional('summary', '概况', longText),
  ],
  SUPERVISORY_MONITORING: [
    field('outlet', '排放口', text(100)),
    field('pollutant', '污染物', text(100)),
    field('measuredValue', '监测值', { kind: 'number' }),
    field('unit', '单位', text(30)),
    field('limit', '标准限值', { kind: 'number' }),
    optional('lowerLimit', '标准下限', { kind: 'number' }),
    optional('exceeded', '是否超标', { kind: 'boolean' }),
    field('sampledAt', '采样时间', { kind: 'instant' }),
    optional('monitoringBody', '监测单位', text()),
  ],
  ADMINISTRATIVE_PENALTY: [
    field('decisionNumber', '处罚决定书文号', text(100)),
    field('facts', '违法事实', longText),
    legalBasis(true),
    field('penaltyKind', '处罚种类', oneOf(...PENALTY_KINDS)),
    optional('amountFen', '罚款金额（分）', { kind: 'fen' }),
    field('decidedOn', '处罚决定日期', date),
  ],
  DISCHARGE_PERMIT: [
    field('permitNumber', '许可证编号', text(100)),
    field('action', '许可事项', oneOf('ISSUED', 'RENEWED', 'CHANGED', 'REVOKED', 'CANCELLED')),
    field('validFrom', '有效期起', date),
    field('validTo', '有效期止', date),
    legalBasis(false),
  ],
  EIA_APPROVAL: [
    field('subjectKind', '审批对象', oneOf('PROJECT', 'PLAN')),
    field('subjectName', '项目或规划名称', text()),
    field('approvalNumber', '批复文号', text(100)),
    field('decision', '审批决定', oneOf('APPROVED', 'NOT_APPROVED')),
    optional('location', '建设地点', text()),
    optional('summary', '批复要点', longText),
    legalBasis(false),
  ],
  HAZARDOUS_WASTE_TRANSFER: [
    field('approvalNumber', '转移批准文号', text(100)),
    // The National Hazardous Waste List (国家危险废物名录) names categories HW01 … HW50.
    field('wasteCode', '废物类别', { kind: 'text', max: 4, pattern: /^HW\d{2}$/, patternRule: 'NOT_A_HAZARDOUS_WASTE_CATEGORY' }),
    field('wasteName', '废物名称', text()),
    field('quantityTonnes', '转移数量（吨）', { kind: 'number', min: 0 }),
    field('receiverName', '接收单位', text()),
    optional('receiverCreditCode', '接收单位统一社会信用代码', { kind: 'creditCode' }),
    optional('destination', '转移去向', text()),
  ],
  DISCHARGE_FEE: [
    field('periodFrom', '计费起始日期', date),
    field('periodTo', '计费截止日期', date),
    field('amountFen', '征收金额（分）', { kind: 'fen' }),
    optional('noticeNumber', '缴费通知书编号', text(100)),
    legalBasis(false),
  ],
  COMPLAINT_CASE: [
    field('caseNumber', '案件编号', text(100)),
    field('receivedOn', '受理日期', date),
    field('summary', '投诉内容', longText),
    field('handling', '办理情况', longText),
    optional('result', '办理结果', longText),
  ],
  ENFORCEMENT_ACTION: [
    field('decisionNumber', '决定书文号', text(100)),
    field('actionKind', '执法措施', oneOf(...ENFORCEMENT_ACTION_KINDS)),
    field('facts', '违法事实', longText),
    legalBasis(true),
    field('decidedOn', '决定日期', date),
  ],
  EMERGENCY_INCIDENT: [
    field('incidentName', '事件名称', text()),
    field('occurredAt', '发生时间', { kind: 'instant' }),
    field('location', '发生地点', text()),
    field('severity', '事件级别', oneOf(...INCIDENT_SEVERITIES)),
    field('description', '事件概况', longText),
    field('response', '应对处置情况', longText),
  ],
};
