/**
 * The vocabulary of requests for information (依申请公开, chapter IV of the Regulations on Open
 * Government Information, 2019) and of the State Council's annual report template.
 */

/** Who asks: the applicant categories of the annual report (申请人情况). */
export const APPLICANT_TYPES = [
  'NATURAL_PERSON', // 自然人
  'COMMERCIAL_ENTERPRISE', // 商业企业
  'RESEARCH_INSTITUTION', // 科研机构
  'SOCIAL_WELFARE_ORGANIZATION', // 社会公益组织
  'LEGAL_SERVICE_INSTITUTION', // 法律服务机构
  'OTHER_ORGANIZATION', // 其他
] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

/** How the request reached the bureau; the channel decides the date of receipt. Regulations Art. 31 */
export const REQUEST_CHANNELS = ['ONLINE', 'LETTER', 'IN_PERSON', 'FAX'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

/** The form the applicant asks for (提供形式). Regulations Art. 40 */
export const INFORMATION_FORMS = ['PAPER', 'ELECTRONIC', 'INSPECTION'] as const;
export type InformationForm = (typeof INFORMATION_FORMS)[number];

/** How an answer reaches the applicant (送达方式). */
export const DELIVERY_METHODS = ['ONLINE', 'POST', 'EMAIL', 'IN_PERSON', 'FAX'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

/** The outcomes of the annual report template (办理结果), exactly one per answered request. */
export const REQUEST_OUTCOMES = [
  'DISCLOSED', // 予以公开
  'PARTLY_DISCLOSED', // 部分公开
  'WITHHELD_STATE_SECRET', // 不予公开：属于国家秘密
  'WITHHELD_PROHIBITED_BY_LAW', // 不予公开：其他法律行政法规禁止公开
  'WITHHELD_SECURITY_STABILITY', // 不予公开：危及"三安全一稳定"
  'WITHHELD_THIRD_PARTY_RIGHTS', // 不予公开：保护第三方合法权益
  'WITHHELD_INTERNAL_AFFAIRS', // 不予公开：属于三类内部事务信息
  'WITHHELD_PROCESS_INFORMATION', // 不予公开：属于四类过程性信息
  'WITHHELD_ENFORCEMENT_FILE', // 不予公开：属于行政执法案卷
  'WITHHELD_ADMINISTRATIVE_INQUIRY', // 不予公开：属于行政查询事项
  'UNAVAILABLE_NOT_HELD', // 无法提供：本机关不掌握相关政府信息
  'UNAVAILABLE_NEEDS_CREATION', // 无法提供：没有现成信息需要另行制作
  'UNAVAILABLE_STILL_UNCLEAR', // 无法提供：补正后申请内容仍不明确
  'NOT_PROCESSED_COMPLAINT', // 不予处理：信访举报投诉类申请
  'NOT_PROCESSED_DUPLICATE', // 不予处理：重复申请
  'NOT_PROCESSED_PUBLICATION', // 不予处理：要求提供公开出版物
  'NOT_PROCESSED_EXCESSIVE', // 不予处理：无正当理由大量反复申请
  'NOT_PROCESSED_CONFIRMATION', // 不予处理：要求行政机关确认或重新出具已获取信息
  'OTHER_NO_SUPPLEMENT', // 其他处理：申请人无正当理由逾期不补正
  'OTHER_FEE_NOT_PAID', // 其他处理：申请人逾期未按收费通知要求缴纳费用
  'OTHER', // 其他处理：其他
] as const;
export type RequestOutcome = (typeof REQUEST_OUTCOMES)[number];

/** Outcomes that withhold information and so must state the reason and its legal basis. Regulations Art. 36 */
export const isWithholding = (outcome: RequestOutcome): boolean => outcome.startsWith('WITHHELD_') || outcome === 'PARTLY_DISCLOSED';

/** Outcomes whose disclosed content may be published once a reviewer approved it (先审查、后公开). */
export const disclosesContent = (outcome: RequestOutcome): boolean => outcome === 'DISCLOSED' || outcome === 'PARTLY_DISCLOSED';

/** Where a request stands; derived from its events. */
export const REQUEST_STATUSES = ['IN_PROGRESS', 'AWAITING_SUPPLEMENT', 'AWAITING_FEE', 'IN_CONSULTATION', 'ANSWERED', 'CLOSED'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Administrative reconsideration (行政复议) and litigation (行政诉讼) about a request, as the annual report splits them. */
export const APPEAL_KINDS = ['RECONSIDERATION', 'LITIGATION_DIRECT', 'LITIGATION_AFTER_RECONSIDERATION'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];

/** 结果维持, 结果纠正, 其他结果, 尚未审结. */
export const APPEAL_RESULTS = ['UPHELD', 'CORRECTED', 'OTHER', 'PENDING'] as const;
export type AppealResult = (typeof APPEAL_RESULTS)[number];

/** Regulations Art. 33: the answer is due within 20 working days of receipt. */
export const ANSWER_PERIOD_WORKING_DAYS = 20;
/** Regulations Art. 33: one extension of at most 20 working days. */
export const MAX_EXTENSION_WORKING_DAYS = 20;
/** Regulations Art. 30: a supplement is asked for within 7 working days of receipt. */
export const SUPPLEMENT_NOTICE_WORKING_DAYS = 7;
/** The applicant's time to supplement unless the notice sets another (the Regulations leave it to the agency). */
export const DEFAULT_SUPPLEMENT_PERIOD_WORKING_DAYS = 15;
/** Regulations Art. 32: a third party has 15 working days to give its opinion. */
export const CONSULTATION_PERIOD_WORKING_DAYS = 15;
