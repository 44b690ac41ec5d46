import { answerLetter, chineseDate, type LetterFacts } from './answer-letter';
import { REQUEST_OUTCOMES, type RequestOutcome } from './request-terms';

const facts = (outcome: RequestOutcome, more: Partial<LetterFacts> = {}): LetterFacts => ({
  agencyCode: '445300',
  trackingCode: 'YF26-ABCD-EFGH',
  receivedOn: '2026-09-14',
  description: '2025年重点排污单位监督性监测数据',
  outcome,
  answeredOn: '2026-10-12',
  legalBasis: '《政府信息公开条例》第十五条',
  delivery: 'EMAIL',
  preferredForm: 'ELECTRONIC',
  publishedAt: '',
  holderAgency: '',
  redactionReasons: ['1. 个人隐私'],
  ...more,
});

describe('answer letters (Regulations Art. 36)', () => {
  it.each(REQUEST_OUTCOMES.map((outcome) => [outcome]))('%s: addressed by tracking code, dated, signed by the agency, with the remedies', (outcome) => {
    const letter = answerLetter(facts(outcome));
    expect(letter).toContain('（申请编号：YF26-ABCD-EFGH）');
    expect(letter).toContain('本机关于2026年9月14日收到您提出的政府信息公开申请');
    // Regulations Art. 51
    expect(letter).toContain('60日内依法申请行政复议');
    expect(letter).toContain('6个月内依法向人民法院提起行政诉讼');
    expect(letter.endsWith('云浮市环境保护局\n2026年10月12日')).toBe(true);
  });

  it.each<[RequestOutcome, string]>([
    ['WITHHELD_STATE_SECRET', '第十四条'],
    ['WITHHELD_PROHIBITED_BY_LAW', '第十四条'],
    ['WITHHELD_SECURITY_STABILITY', '第十四条'],
    ['WITHHELD_THIRD_PARTY_RIGHTS', '第十五条'],
    ['WITHHELD_INTERNAL_AFFAIRS', '第十六条第一款'],
    ['WITHHELD_PROCESS_INFORMATION', '第十六条第二款'],
    ['WITHHELD_ENFORCEMENT_FILE', '第十六条第二款'],
    ['WITHHELD_ADMINISTRATIVE_INQUIRY', '第三十六条第（七）项'],
  ])('%s gives the reason, the article and the legal basis', (outcome, article) => {
    const letter = answerLetter(facts(outcome));
    expect(letter).toContain(`${article}的规定，不予公开`);
    expect(letter).toContain('法律依据：《政府信息公开条例》第十五条');
  });

  it('says where published information can be found (Art. 36 (1)), or how and when it is provided (Art. 36 (2))', () => {
    expect(answerLetter(facts('DISCLOSED', { publishedAt: '云浮市生态环境局网站“监督性监测”栏目' }))).toContain('第三十六条第（一）项的规定，您可以通过以下途径获取：云浮市生态环境局网站');
    expect(answerLetter(facts('DISCLOSED'))).toContain('现以电子文档形式，通过电子邮件于2026年10月12日向您提供');
  });

  it('names the agency that holds the information (Art. 36 (5))', () => {
    expect(answerLetter(facts('UNAVAILABLE_NOT_HELD', { holderAgency: '云浮市自然资源局' }))).toContain('由云浮市自然资源局负责公开');
    expect(answerLetter(facts('UNAVAILABLE_NOT_HELD'))).toContain('第三十六条第（四）项');
  });

  it('lists the reasons for each redacted passage (Art. 37)', () => {
    expect(answerLetter(facts('PARTLY_DISCLOSED'))).toMatch(/第三十七条[\s\S]*1\. 个人隐私/);
  });

  it('writes dates as a Chinese letter does', () => {
    expect(chineseDate('2026-02-09')).toBe('2026年2月9日');
  });
});
