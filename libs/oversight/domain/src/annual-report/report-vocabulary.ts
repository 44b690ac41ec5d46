/**
 * The categories of the State Council's annual report template (政府信息公开工作年度报告格式,
 * 国办公开办函〔2021〕30号), as the requests context records them. The values are the requests
 * context's own (libs/requests/domain/src/request-terms.ts): oversight may not import another
 * context's domain, so the integration contract repeats them, and an end-to-end test compares them
 * with the requests context's GraphQL enums so that the two lists cannot drift apart unnoticed.
 */

/** 申请人情况: natural persons, then legal persons and other organisations by kind. */
export const REPORT_APPLICANT_TYPES = [
  'NATURAL_PERSON', // 自然人
  'COMMERCIAL_ENTERPRISE', // 商业企业
  'RESEARCH_INSTITUTION', // 科研机构
  'SOCIAL_WELFARE_ORGANIZATION', // 社会公益组织
  'LEGAL_SERVICE_INSTITUTION', // 法律服务机构
  'OTHER_ORGANIZATION', // 其他
] as const;

/** 办理结果: disclosed; partly; not disclosed ×8; cannot be provided ×3; not processed ×5; other ×3. */
export const REPORT_OUTCOMES = [
  'DISCLOSED',
  'PARTLY_DISCLOSED',
  'WITHHELD_STATE_SECRET',
  'WITHHELD_PROHIBITED_BY_LAW',
  'WITHHELD_SECURITY_STABILITY',
  'WITHHELD_THIRD_PARTY_RIGHTS',
  'WITHHELD_INTERNAL_AFFAIRS',
  'WITHHELD_PROCESS_INFORMATION',
  'WITHHELD_ENFORCEMENT_FILE',
  'WITHHELD_ADMINISTRATIVE_INQUIRY',
  'UNAVAILABLE_NOT_HELD',
  'UNAVAILABLE_NEEDS_CREATION',
  'UNAVAILABLE_STILL_UNCLEAR',
  'NOT_PROCESSED_COMPLAINT',
  'NOT_PROCESSED_DUPLICATE',
  'NOT_PROCESSED_PUBLICATION',
  'NOT_PROCESSED_EXCESSIVE',
  'NOT_PROCESSED_CONFIRMATION',
  'OTHER_NO_SUPPLEMENT',
  'OTHER_FEE_NOT_PAID',
  'OTHER',
] as const;

/** 行政复议; 行政诉讼 未经复议直接起诉; 行政诉讼 复议后起诉. */
export const REPORT_APPEAL_KINDS = ['RECONSIDERATION', 'LITIGATION_DIRECT', 'LITIGATION_AFTER_RECONSIDERATION'] as const;
export type ReportAppealKind = (typeof REPORT_APPEAL_KINDS)[number];

/** 结果维持, 结果纠正, 其他结果, 尚未审结. */
export const REPORT_APPEAL_RESULTS = ['UPHELD', 'CORRECTED', 'OTHER', 'PENDING'] as const;
export type ReportAppealResult = (typeof REPORT_APPEAL_RESULTS)[number];
