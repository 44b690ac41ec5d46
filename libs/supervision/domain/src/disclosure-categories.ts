/**
 * The kinds of supervision record the work plan names for proactive disclosure (监管情况公开).
 */
export const DISCLOSURE_CATEGORIES = [
  'ENVIRONMENTAL_QUALITY', // 环境质量状况
  'SUPERVISORY_MONITORING', // 重点排污单位监督性监测
  'ADMINISTRATIVE_PENALTY', // 行政处罚
  'DISCHARGE_PERMIT', // 排污许可
  'EIA_APPROVAL', // 建设项目和规划环境影响评价审批
  'HAZARDOUS_WASTE_TRANSFER', // 危险废物转移
  'DISCHARGE_FEE', // 排污费征收
  'COMPLAINT_CASE', // 重点信访投诉案件办理
  'ENFORCEMENT_ACTION', // 环境执法
  'EMERGENCY_INCIDENT', // 突发环境事件应对
] as const;
export type DisclosureCategory = (typeof DISCLOSURE_CATEGORIES)[number];

export const CATEGORY_NAMES: Readonly<Record<DisclosureCategory, string>> = {
  ENVIRONMENTAL_QUALITY: '环境质量状况',
  SUPERVISORY_MONITORING: '监督性监测',
  ADMINISTRATIVE_PENALTY: '行政处罚',
  DISCHARGE_PERMIT: '排污许可',
  EIA_APPROVAL: '环评审批',
  HAZARDOUS_WASTE_TRANSFER: '危险废物转移',
  DISCHARGE_FEE: '排污费征收',
  COMPLAINT_CASE: '信访投诉案件',
  ENFORCEMENT_ACTION: '环境执法',
  EMERGENCY_INCIDENT: '突发环境事件',
};

/** Whether a record of the category concerns an enterprise: always, sometimes, or never (an area). */
export type EnterpriseRole = 'REQUIRED' | 'OPTIONAL' | 'NONE';

export const ENTERPRISE_ROLE: Readonly<Record<DisclosureCategory, EnterpriseRole>> = {
  ENVIRONMENTAL_QUALITY: 'NONE',
  SUPERVISORY_MONITORING: 'REQUIRED',
  ADMINISTRATIVE_PENALTY: 'REQUIRED',
  DISCHARGE_PERMIT: 'REQUIRED',
  // A plan's EIA is applied for by a government body; a project's by its builder.
  EIA_APPROVAL: 'OPTIONAL',
  HAZARDOUS_WASTE_TRANSFER: 'REQUIRED',
  DISCHARGE_FEE: 'REQUIRED',
  COMPLAINT_CASE: 'OPTIONAL',
  ENFORCEMENT_ACTION: 'REQUIRED',
  EMERGENCY_INCIDENT: 'OPTIONAL',
};
