import { findAgency, type LocalDate } from '@gongkai/kernel';
import type { DeliveryMethod, InformationForm, RequestOutcome } from './request-terms';

/** What an answer letter (政府信息公开申请答复书) is filled from. No personal data: it is addressed to "申请人". */
export interface LetterFacts {
  readonly agencyCode: string;
  readonly trackingCode: string;
  readonly receivedOn: LocalDate;
  readonly description: string;
  readonly outcome: RequestOutcome;
  readonly answeredOn: LocalDate;
  readonly legalBasis: string;
  readonly delivery: DeliveryMethod;
  readonly preferredForm: InformationForm;
  /** Where the information is already published (网站栏目, 公报期号), or a publication's channel. */
  readonly publishedAt: string;
  /** The agency that holds the information, when this bureau does not. */
  readonly holderAgency: string;
  readonly redactionReasons: readonly string[];
  readonly supplement?: { readonly noticeOn: LocalDate; readonly dueOn: LocalDate };
}

const REGULATIONS = '《中华人民共和国政府信息公开条例》';

const FORMS: Readonly<Record<InformationForm, string>> = { PAPER: '纸质', ELECTRONIC: '电子文档', INSPECTION: '当场查阅' };
const DELIVERIES: Readonly<Record<DeliveryMethod, string>> = { ONLINE: '网上申请平台', POST: '邮寄', EMAIL: '电子邮件', IN_PERSON: '当面领取', FAX: '传真' };

/** 2026-10-22 → 2026年10月22日. */
export const chineseDate = (date: LocalDate): string => {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
};

const basis = (facts: LetterFacts): string => (facts.legalBasis ? `\n    法律依据：${facts.legalBasis}` : '');

/** The reason a withholding outcome gives, and the article it rests on. */
const WITHHOLDING: Readonly<Partial<Record<RequestOutcome, { reason: string; article: string }>>> = {
  WITHHELD_STATE_SECRET: { reason: '属于依法确定的国家秘密', article: '第十四条' }, // Regulations Art. 14
  WITHHELD_PROHIBITED_BY_LAW: { reason: '属于法律、行政法规禁止公开的政府信息', article: '第十四条' }, // Regulations Art. 14
  WITHHELD_SECURITY_STABILITY: { reason: '公开后可能危及国家安全、公共安全、经济安全、社会稳定', article: '第十四条' }, // Regulations Art. 14
  WITHHELD_THIRD_PARTY_RIGHTS: { reason: '涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害', article: '第十五条' }, // Regulations Art. 15
  WITHHELD_INTERNAL_AFFAIRS: { reason: '属于人事管理、后勤管理、内部工作流程等内部事务信息', article: '第十六条第一款' }, // Regulations Art. 16
  WITHHELD_PROCESS_INFORMATION: { reason: '属于讨论记录、过程稿、磋商信函、请示报告等过程性信息', article: '第十六条第二款' }, // Regulations Art. 16
  WITHHELD_ENFORCEMENT_FILE: { reason: '属于行政执法案卷信息', article: '第十六条第二款' }, // Regulations Art. 16
  WITHHELD_ADMINISTRATIVE_INQUIRY: { reason: '属于有关法律、行政法规对信息获取有特别规定的行政查询事项，请依照有关规定办理', article: '第三十六条第（七）项' }, // Regulations Art. 36
};

/** The body of the letter for each outcome, in the order Art. 36 lists the answers. */
const body = (facts: LetterFacts): string => {
  const provided = `现以${FORMS[facts.preferredForm]}形式，通过${DELIVERIES[facts.delivery]}于${chineseDate(facts.answeredOn)}向您提供`;
  const withholding = WITHHOLDING[facts.outcome];
  if (withholding) return `经审查，您申请的政府信息${withholding.reason}，根据${REGULATIONS}${withholding.article}的规定，不予公开。${basis(facts)}`;
  switch (facts.outcome) {
    case 'DISCLOSED': // Regulations Art. 36 (1), (2)
      return facts.publishedAt
        ? `经审查，您申请的政府信息已主动公开，根据${REGULATIONS}第三十六条第（一）项的规定，您可以通过以下途径获取：${facts.publishedAt}。`
        : `经审查，您申请的政府信息属于公开范围，根据${REGULATIONS}第三十六条第（二）项的规定，予以公开，${provided}（见附件）。`;
    case 'PARTLY_DISCLOSED': // Regulations Art. 37
      return `经审查，您申请的政府信息中含有不应当公开的内容，但能够作区分处理。根据${REGULATIONS}第三十七条的规定，本机关向您提供可以公开的内容，${provided}（见附件），对不予公开的内容作删除处理，理由如下：\n    ${facts.redactionReasons.join('\n    ')}${basis(facts)}`;
    case 'UNAVAILABLE_NOT_HELD': // Regulations Art. 36 (4), (5)
      return facts.holderAgency
        ? `经检索，您申请的政府信息不属于本机关负责公开的范围，根据${REGULATIONS}第三十六条第（五）项的规定，该政府信息由${facts.holderAgency}负责公开，请向其提出申请。`
        : `经检索，本机关未制作、获取您申请的政府信息，根据${REGULATIONS}第三十六条第（四）项的规定，告知您该政府信息不存在。`;
    case 'UNAVAILABLE_NEEDS_CREATION': // Regulations Art. 38
      return `经检索，本机关没有您申请的现成信息，提供需要对现有政府信息进行加工、分析，根据${REGULATIONS}第三十八条的规定，不予提供。`;
    case 'UNAVAILABLE_STILL_UNCLEAR': // Regulations Art. 30
      return `本机关已一次性告知您补正，补正后申请内容仍不明确，根据${REGULATIONS}第三十条的规定，无法提供。`;
    case 'NOT_PROCESSED_COMPLAINT': // Regulations Art. 39
      return `您的申请属于以政府信息公开申请的形式进行信访、投诉、举报等活动，根据${REGULATIONS}第三十九条的规定，不作为政府信息公开申请处理，您可以通过相应渠道提出。`;
    case 'NOT_PROCESSED_DUPLICATE': // Regulations Art. 36 (6)
      return `本机关已就您提出的相同政府信息公开申请作出答复，根据${REGULATIONS}第三十六条第（六）项的规定，不予重复处理。`;
    case 'NOT_PROCESSED_PUBLICATION': // Regulations Art. 39
      return `您申请获取的是政府公报、报刊、书籍等公开出版物，根据${REGULATIONS}第三十九条的规定，您可以通过以下途径获取：${facts.publishedAt || '公开发行渠道'}。`;
    case 'NOT_PROCESSED_EXCESSIVE': // Regulations Art. 35
      return `您申请公开政府信息的数量、频次明显超过合理范围，且未说明理由或者理由不合理，根据${REGULATIONS}第三十五条的规定，不予处理。`;
    case 'NOT_PROCESSED_CONFIRMATION': // Regulations Art. 2
      return `您的申请系要求本机关确认或者重新出具您已获取的信息，不属于${REGULATIONS}第二条所称政府信息的公开申请，不予处理。`;
    case 'OTHER_NO_SUPPLEMENT': {
      // Regulations Art. 30
      const supplement = facts.supplement;
      const when = supplement ? `本机关于${chineseDate(supplement.noticeOn)}通知您补正申请，您未在${chineseDate(supplement.dueOn)}前补正，` : '您未在规定期限内补正申请，';
      return `${when}根据${REGULATIONS}第三十条的规定，视为放弃申请，本机关不再处理该政府信息公开申请。`;
    }
    case 'OTHER_FEE_NOT_PAID': // Regulations Art. 42
      return `您未在收费通知要求的期限内缴纳信息处理费，根据${REGULATIONS}第四十二条和《政府信息公开信息处理费管理办法》的规定，本机关不再处理该政府信息公开申请。`;
    default:
      return `经办理，答复如下：${facts.legalBasis}`;
  }
};

/** Regulations Art. 51: the remedies, with the time limits of the reconsideration and litigation laws. */
const REMEDIES = '如对本答复不服，可以自收到本答复之日起60日内依法申请行政复议，或者在6个月内依法向人民法院提起行政诉讼。';

/**
 * The answer letter in the form Regulations Art. 36 asks for: where and how the information is
 * provided, or why it is not and on what legal basis, and the applicant's remedies. Staff may edit
 * it before it is sent; the letter actually sent is the one stored with the answer.
 */
export const answerLetter = (facts: LetterFacts): string => {
  const agency = findAgency(facts.agencyCode)?.name ?? facts.agencyCode;
  return [
    '政府信息公开申请答复书',
    `（申请编号：${facts.trackingCode}）`,
    '',
    '申请人：',
    `    本机关于${chineseDate(facts.receivedOn)}收到您提出的政府信息公开申请，申请获取“${facts.description}”。`,
    `    ${body(facts)}`,
    `    ${REMEDIES}`,
    '',
    agency,
    chineseDate(facts.answeredOn),
  ].join('\n');
};
