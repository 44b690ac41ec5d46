import { redact, validateRedactions } from './redaction';

describe('redaction (区分处理, Regulations Art. 37)', () => {
  it('replaces each passage and numbers its reason, in the order of the text', () => {
    const content = '甲公司排放COD 45 mg/L，联系人李四，电话13800000000。';
    const chars = Array.from(content);
    const name = chars.indexOf('李');
    const phone = chars.indexOf('1');
    const redactions = validateRedactions(content, [
      { start: phone, end: phone + 11, reason: '个人信息：电话' },
      { start: name, end: name + 2, reason: '个人信息：姓名' },
    ]);
    expect(redact(content, redactions)).toEqual({
      text: '甲公司排放COD 45 mg/L，联系人［已删除 1］，电话［已删除 2］。',
      reasons: ['1. 个人信息：姓名', '2. 个人信息：电话'],
    });
  });

  it('counts characters, not UTF-16 units, so that a character outside the BMP is never split', () => {
    const content = '𠀋公司的地址';
    expect(redact(content, validateRedactions(content, [{ start: 0, end: 1, reason: '名称' }])).text).toBe('［已删除 1］公司的地址');
  });

  it('leaves content without redactions as it is', () => {
    expect(redact('全文公开', [])).toEqual({ text: '全文公开', reasons: [] });
  });
});
