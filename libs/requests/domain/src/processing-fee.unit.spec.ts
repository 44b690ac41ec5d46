import { type FeeMethod, processingFee } from './processing-fee';

/**
 * 国办函〔2020〕109号 at every threshold, each amount worked out by hand from the measures' text:
 * by count, ≤10 free, 11th–30th ¥100, then +¥100 per further block of 10; by pages, ≤30 free,
 * 31–100 ¥10, 101–200 ¥20, over 200 ¥40. Amounts are fen: ¥100 = 10000.
 */
describe('the information processing fee (信息处理费, 国办函〔2020〕109号)', () => {
  it.each<[FeeMethod, number, number]>([
    ['BY_COUNT', 1, 0],
    ['BY_COUNT', 10, 0], // the 10th application of the month is the last free one
    ['BY_COUNT', 11, 100_00], // the 11th is the first charged: ¥100
    ['BY_COUNT', 30, 100_00], // the 30th is the last at ¥100
    ['BY_COUNT', 31, 200_00], // the 31st opens the first further block of 10: ¥100 + ¥100
    ['BY_COUNT', 40, 200_00], // the 40th closes it
    ['BY_COUNT', 41, 300_00], // the 41st opens the second further block: ¥100 + 2 × ¥100
    ['BY_COUNT', 50, 300_00],
    ['BY_COUNT', 51, 400_00], // third further block: ¥100 + 3 × ¥100
    ['BY_PAGES', 1, 0],
    ['BY_PAGES', 30, 0], // 30 pages are free
    ['BY_PAGES', 31, 10_00], // 31–100 pages: ¥10
    ['BY_PAGES', 100, 10_00],
    ['BY_PAGES', 101, 20_00], // 101–200 pages: ¥20
    ['BY_PAGES', 200, 20_00],
    ['BY_PAGES', 201, 40_00], // over 200 pages: ¥40, however many
    ['BY_PAGES', 5000, 40_00],
  ])('%s, basis %i → %i fen', (method, basis, fen) => {
    expect(processingFee(method, basis)).toBe(fen);
  });

  it.each([0, -1, 1.5, Number.NaN])('has no answer for a basis of %p: the decider refuses it first', (basis) => {
    expect(() => processingFee('BY_PAGES', basis)).toThrow(RangeError);
  });
});
