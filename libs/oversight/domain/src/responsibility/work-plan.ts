import { CITY_AGENCY_CODE } from '@gongkai/kernel';

/**
 * The ten main tasks (主要任务) of the bureau's work plan for comprehensively advancing open
 * government affairs, 云环办〔2017〕11号, each with the departments the plan makes responsible
 * (责任科室), quoted as the plan words them. They are seeded as tasks; departments then break them
 * down and assign them to named people (落实到具体人员, 保障措施 (二)).
 */
export const WORK_PLAN_NUMBER = '云环办〔2017〕11号';

export interface WorkPlanTaskSeed {
  readonly taskId: string;
  readonly number: number;
  readonly title: string;
  readonly responsibility: string;
  readonly departmentCodes: readonly string[];
}

/** 各业务科室: the plan's "every business department", read as the departments that do the bureau's business. */
const BUSINESS_DEPARTMENTS = ['REGULATIONS', 'PLANNING', 'SUPERVISION', 'EMISSION_TOTALS', 'ENFORCEMENT_BRANCH', 'MONITORING_STATION'];

const task = (number: number, title: string, responsibility: string, departmentCodes: readonly string[]): WorkPlanTaskSeed => ({
  taskId: `wp-2017-11-${String(number).padStart(2, '0')}`,
  number,
  title,
  responsibility,
  departmentCodes,
});

export const WORK_PLAN_TASKS: readonly WorkPlanTaskSeed[] = [
  task(1, '推进决策公开', '各业务科室', BUSINESS_DEPARTMENTS),
  task(2, '推进监管情况公开', '环境监察分局、监督科、监测站、窗口', ['ENFORCEMENT_BRANCH', 'SUPERVISION', 'MONITORING_STATION', 'SERVICE_WINDOW']),
  task(3, '推进公共服务事项公开', '环保窗口、法规科、规划科、监督科、总量科、环境监察分局', ['SERVICE_WINDOW', 'REGULATIONS', 'PLANNING', 'SUPERVISION', 'EMISSION_TOTALS', 'ENFORCEMENT_BRANCH']),
  task(4, '加强舆情处置与回应', '法规科、办公室、信息中心', ['REGULATIONS', 'OFFICE', 'INFORMATION_CENTRE']),
  task(5, '完善公众参与机制', '法规科、信息中心', ['REGULATIONS', 'INFORMATION_CENTRE']),
  task(6, '建立政策解读机制', '法规科，起草政策性文件的科室', ['REGULATIONS']),
  task(7, '探索政务公开负面清单制度', '办公室', ['OFFICE']),
  task(8, '完善规范性文件管理有关工作', '法规科', ['REGULATIONS']),
  task(9, '规范依申请公开', '办公室、信息中心', ['OFFICE', 'INFORMATION_CENTRE']),
  task(10, '加强局公众网站建设', '各业务科室', BUSINESS_DEPARTMENTS),
];

/** The plan is the city bureau's own. */
export const WORK_PLAN_AGENCY_CODE = CITY_AGENCY_CODE;
