import type { DomainError } from '@gongkai/kernel';
import { DISCLOSURE_CATEGORIES, type DisclosureCategory } from './disclosure-categories';
import { readDisclosureContent, validateDisclosureContent } from './disclosure-content';
import { LUODING_PAPER, VALID_RECORDS, XINXING_STEEL, YUNCHENG_CEMENT } from './disclosure.fixtures';

const clock = { today: '2026-02-11', now: new Date('2026-02-11T02:00:00Z') };
const input = (category: DisclosureCategory, change: Record<string, unknown> = {}, details: Record<string, unknown> = {}) => ({
  category,
  formedOn: '2026-02-10',
  ...VALID_RECORDS[category],
  ...change,
  details: { ...VALID_RECORDS[category].details, ...details },
});

describe('disclosure record content, per category', () => {
  it.each(DISCLOSURE_CATEGORIES)('accepts a complete %s record', (category) => {
    const content = validateDisclosureContent(input(category), clock);
    expect(content).toMatchObject({ category, formedOn: '2026-02-10', title: VALID_RECORDS[category].title, enterpriseCreditCode: VALID_RECORDS[category].enterpriseCreditCode });
  });

  it('derives exceedance (超标) from the value and the standard', () => {
    expect(validateDisclosureContent(input('SUPERVISORY_MONITORING'), clock).details).toMatchObject({ measuredValue: 32.5, limit: 30, exceeded: true });
    expect(validateDisclosureContent(input('SUPERVISORY_MONITORING', {}, { measuredValue: 12 }), clock).details['exceeded']).toBe(false);
    // pH 6–9: below the lower limit is an exceedance too.
    expect(validateDisclosureContent(input('SUPERVISORY_MONITORING', {}, { pollutant: 'pH', unit: '无量纲', measuredValue: 5.2, limit: 9, lowerLimit: 6 }), clock).details['exceeded']).toBe(true);
  });

  it('stores instants in UTC, reading a time without offset as Beijing time', () => {
    expect(validateDisclosureContent(input('EMERGENCY_INCIDENT'), clock).details['occurredAt']).toBe('2026-02-08T14:10:00.000Z');
  });

  it.each<[string, DisclosureCategory, Record<string, unknown>, Record<string, unknown>, string, string]>([
    ['a monitoring value that is not a number', 'SUPERVISORY_MONITORING', {}, { measuredValue: 'abc' }, 'NOT_A_NUMBER', 'measuredValue'],
    ['a monitoring value sent as text', 'SUPERVISORY_MONITORING', {}, { measuredValue: '32.5' }, 'NOT_A_NUMBER', 'measuredValue'],
    ['an exceedance that contradicts the standard', 'SUPERVISORY_MONITORING', {}, { exceeded: false }, 'EXCEEDANCE_CONTRADICTS_LIMIT', 'exceeded'],
    ['a sampling time that is not a time', 'SUPERVISORY_MONITORING', {}, { sampledAt: '昨天' }, 'INVALID_INSTANT', 'sampledAt'],
    ['a sample taken after the record was formed', 'SUPERVISORY_MONITORING', {}, { sampledAt: '2026-02-10T17:00:00Z' }, 'FORMED_BEFORE_SAMPLING', 'formedOn'],
    ['a permit valid-to before valid-from', 'DISCHARGE_PERMIT', {}, { validTo: '2026-02-09' }, 'PERMIT_VALID_TO_BEFORE_FROM', 'validTo'],
    ['an unknown permit action', 'DISCHARGE_PERMIT', {}, { action: 'GRANTED' }, 'NOT_ALLOWED_VALUE', 'action'],
    ['a penalty formed on another day than its decision', 'ADMINISTRATIVE_PENALTY', { formedOn: '2026-02-09' }, {}, 'FORMED_ON_IS_DECISION_DATE', 'decidedOn'],
    ['a fine without an amount', 'ADMINISTRATIVE_PENALTY', {}, { amountFen: undefined }, 'FINE_WITHOUT_AMOUNT', 'amountFen'],
    ['an amount in fractions of a fen', 'ADMINISTRATIVE_PENALTY', {}, { amountFen: 1.5 }, 'NOT_INTEGER', 'amountFen'],
    ['an unknown kind of penalty', 'ADMINISTRATIVE_PENALTY', {}, { penaltyKind: 'SHAMING' }, 'NOT_ALLOWED_VALUE', 'penaltyKind'],
    ['a penalty without its legal basis', 'ADMINISTRATIVE_PENALTY', {}, { legalBasis: ' ' }, 'REQUIRED', 'legalBasis'],
    ['a penalty without an enterprise', 'ADMINISTRATIVE_PENALTY', { enterpriseCreditCode: null }, {}, 'ENTERPRISE_REQUIRED', 'enterpriseCreditCode'],
    ['an invalid credit code', 'ADMINISTRATIVE_PENALTY', { enterpriseCreditCode: '91445381MA4UK7L2X8' }, {}, 'CREDIT_CODE_CHECK', 'enterpriseCreditCode'],
    ['an area record naming an enterprise', 'ENVIRONMENTAL_QUALITY', { enterpriseCreditCode: YUNCHENG_CEMENT }, {}, 'ENTERPRISE_NOT_APPLICABLE', 'enterpriseCreditCode'],
    ['a quality period that ends before it starts', 'ENVIRONMENTAL_QUALITY', {}, { periodTo: '2025-12-31' }, 'PERIOD_ENDS_BEFORE_START', 'periodTo'],
    ['a quality report without indicators', 'ENVIRONMENTAL_QUALITY', {}, { indicators: [] }, 'NOT_A_LIST', 'indicators'],
    ['an indicator without a value', 'ENVIRONMENTAL_QUALITY', {}, { indicators: [{ name: 'SO2', unit: 'μg/m³' }] }, 'NOT_A_NUMBER', 'indicators[0].value'],
    ['an unknown medium', 'ENVIRONMENTAL_QUALITY', {}, { medium: 'WIND' }, 'NOT_ALLOWED_VALUE', 'medium'],
    ['a waste category outside the national list', 'HAZARDOUS_WASTE_TRANSFER', {}, { wasteCode: 'HW8' }, 'NOT_A_HAZARDOUS_WASTE_CATEGORY', 'wasteCode'],
    ['a negative quantity', 'HAZARDOUS_WASTE_TRANSFER', {}, { quantityTonnes: -1 }, 'OUT_OF_RANGE', 'quantityTonnes'],
    ['a fee period that ends before it starts', 'DISCHARGE_FEE', {}, { periodTo: '2025-09-30' }, 'PERIOD_ENDS_BEFORE_START', 'periodTo'],
    ['a complaint answered before it was received', 'COMPLAINT_CASE', {}, { receivedOn: '2026-02-11' }, 'FORMED_BEFORE_RECEIPT', 'formedOn'],
    ['an enforcement decision on another day', 'ENFORCEMENT_ACTION', {}, { decidedOn: '2026-02-01' }, 'FORMED_ON_IS_DECISION_DATE', 'decidedOn'],
    ['an incident in the future', 'EMERGENCY_INCIDENT', {}, { occurredAt: '2026-02-12T00:00:00Z' }, 'OCCURRED_IN_FUTURE', 'occurredAt'],
    ['an unknown severity', 'EMERGENCY_INCIDENT', {}, { severity: 'SMALL' }, 'NOT_ALLOWED_VALUE', 'severity'],
    ['information formed in the future', 'EIA_APPROVAL', { formedOn: '2026-02-12' }, {}, 'FORMED_IN_FUTURE', 'formedOn'],
    ['a day that does not exist', 'EIA_APPROVAL', { formedOn: '2026-02-30' }, {}, 'INVALID_DATE', 'formedOn'],
    ['a misspelt detail field', 'EIA_APPROVAL', {}, { decisoin: 'APPROVED' }, 'UNKNOWN_FIELD', 'decisoin'],
    ['a record without a title', 'EIA_APPROVAL', { title: '' }, {}, 'REQUIRED', 'title'],
  ])('refuses %s', (_, category, change, details, rule, field) => {
    expect(() => validateDisclosureContent(input(category, change, details), clock)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', rule, details: expect.objectContaining({ field }) }),
    );
  });

  it('refuses details that are not an object, and an unknown category', () => {
    expect(() => validateDisclosureContent({ ...input('EIA_APPROVAL'), details: [1] }, clock)).toThrow(expect.objectContaining({ rule: 'NOT_AN_OBJECT' }));
    expect(() => validateDisclosureContent({ ...input('EIA_APPROVAL'), category: 'GOSSIP' }, clock)).toThrow(expect.objectContaining({ rule: 'NOT_ALLOWED_VALUE' }));
  });
});

describe('disclosure record content from a CSV row', () => {
  const cells: Record<string, string> = {
    outlet: '1号排放口',
    pollutant: '化学需氧量',
    measuredValue: ' 120.5 ',
    unit: 'mg/L',
    limit: '100',
    exceeded: '是',
    sampledAt: '2026-02-09 10:30',
  };
  const fromCsv = (change: Record<string, string> = {}, problems?: DomainError[]) =>
    readDisclosureContent(
      {
        category: 'SUPERVISORY_MONITORING',
        enterpriseCreditCode: XINXING_STEEL.toLowerCase(),
        formedOn: '2026-02-10',
        title: '',
        valueOf: (field) => ({ ...cells, ...change })[field.name],
        source: 'csv',
      },
      clock,
      problems,
    );

  it('reads numbers, yes/no and Beijing time from text, and makes up a title', () => {
    expect(fromCsv()).toEqual({
      category: 'SUPERVISORY_MONITORING',
      enterpriseCreditCode: XINXING_STEEL,
      formedOn: '2026-02-10',
      title: '1号排放口 化学需氧量 监督性监测结果',
      details: { outlet: '1号排放口', pollutant: '化学需氧量', measuredValue: 120.5, unit: 'mg/L', limit: 100, exceeded: true, sampledAt: '2026-02-09T02:30:00.000Z' },
    });
  });

  it('collects every problem of a row, each with its field', () => {
    const problems: DomainError[] = [];
    expect(fromCsv({ measuredValue: '未检出', limit: '', exceeded: '也许' }, problems)).toBeUndefined();
    expect(problems.map((p) => [p.details['field'], p.rule])).toEqual([
      ['measuredValue', 'NOT_A_NUMBER'],
      ['limit', 'REQUIRED'],
      ['exceeded', 'NOT_A_BOOLEAN'],
    ]);
  });

  it('keeps the enterprise of a row to a valid code', () => {
    const problems: DomainError[] = [];
    readDisclosureContent(
      { category: 'ADMINISTRATIVE_PENALTY', enterpriseCreditCode: LUODING_PAPER.slice(0, 17), formedOn: '2026-02-10', title: 'x', valueOf: () => '', source: 'csv' },
      clock,
      problems,
    );
    expect(problems[0]).toMatchObject({ rule: 'CREDIT_CODE_LENGTH', details: { field: 'enterpriseCreditCode' } });
  });
});
