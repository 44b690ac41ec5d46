/** The template's own wording (国办公开办函〔2021〕30号), for the printable report and the CSV export. */
export const APPLICANT_TYPE_LABELS: Readonly<Record<string, string>> = {
  NATURAL_PERSON: '自然人',
  COMMERCIAL_ENTERPRISE: '法人或其他组织：商业企业',
  RESEARCH_INSTITUTION: '法人或其他组织：科研机构',
  SOCIAL_WELFARE_ORGANIZATION: '法人或其他组织：社会公益组织',
  LEGAL_SERVICE_INSTITUTION: '法人或其他组织：法律服务机构',
  OTHER_ORGANIZATION: '法人或其他组织：其他',
  TOTAL: '总计',
};

export const OUTCOME_LABELS: Readonly<Record<string, string>> = {
  DISCLOSED: '予以公开',
  PARTLY_DISCLOSED: '部分公开',
  WITHHELD_STATE_SECRET: '不予公开：属于国家秘密',
  WITHHELD_PROHIBITED_BY_LAW: '不予公开：其他法律行政法规禁止公开',
  WITHHELD_SECURITY_STABILITY: '不予公开：危及“三安全一稳定”',
  WITHHELD_THIRD_PARTY_RIGHTS: '不予公开：保护第三方合法权益',
  WITHHELD_INTERNAL_AFFAIRS: '不予公开：属于三类内部事务信息',
  WITHHELD_PROCESS_INFORMATION: '不予公开：属于四类过程性信息',
  WITHHELD_ENFORCEMENT_FILE: '不予公开：属于行政执法案卷',
  WITHHELD_ADMINISTRATIVE_INQUIRY: '不予公开：属于行政查询事项',
  UNAVAILABLE_NOT_HELD: '无法提供：本机关不掌握相关政府信息',
  UNAVAILABLE_NEEDS_CREATION: '无法提供：没有现成信息需要另行制作',
  UNAVAILABLE_STILL_UNCLEAR: '无法提供：补正后申请内容仍不明确',
  NOT_PROCESSED_COMPLAINT: '不予处理：信访举报投诉类申请',
  NOT_PROCESSED_DUPLICATE: '不予处理：重复申请',
  NOT_PROCESSED_PUBLICATION: '不予处理：要求提供公开出版物',
  NOT_PROCESSED_EXCESSIVE: '不予处理：无正当理由大量反复申请',
  NOT_PROCESSED_CONFIRMATION: '不予处理：要求行政机关确认或重新出具已获取信息',
  OTHER_NO_SUPPLEMENT: '其他处理：申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  OTHER_FEE_NOT_PAID: '其他处理：申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  OTHER: '其他处理：其他',
};

export const ROW_FIGURE_LABELS: Readonly<Record<string, string>> = {
  newThisYear: '本年新收政府信息公开申请数量',
  carriedOverFromLastYear: '上年结转政府信息公开申请数量',
  totalProcessed: '办理结果：总计',
  carriedOverToNextYear: '结转下年度继续办理',
};

export const PROACTIVE_LABELS: Readonly<Record<string, string>> = {
  rulesIssued: '规章：本年制发件数',
  rulesRepealed: '规章：本年废止件数',
  rulesInForce: '规章：现行有效件数',
  normativeDocumentsIssued: '行政规范性文件：本年制发件数',
  normativeDocumentsRepealed: '行政规范性文件：本年废止件数',
  normativeDocumentsInForce: '行政规范性文件：现行有效件数',
  licensingDecisions: '行政许可：本年处理决定数量',
  penaltyDecisions: '行政处罚：本年处理决定数量',
  enforcementDecisions: '行政强制：本年处理决定数量',
  feesCollectedFen: '行政事业性收费：本年收费金额（分）',
};

export const APPEAL_LABELS: Readonly<Record<string, string>> = {
  reconsideration: '行政复议',
  litigationDirect: '行政诉讼：未经复议直接起诉',
  litigationAfterReconsideration: '行政诉讼：复议后起诉',
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};
