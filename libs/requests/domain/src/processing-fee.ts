/**
 * The information processing fee (信息处理费). Information is provided free (Regulations Art. 42);
 * a fee is charged only past the thresholds of the State Council General Office's measures
 * (国办函〔2020〕109号), either by the applicant's count of applications in a calendar month or by
 * the pages of one application — never both on one application. Amounts are in fen (分), integers.
 */
export const FEE_METHODS = ['BY_COUNT', 'BY_PAGES'] as const;
export type FeeMethod = (typeof FEE_METHODS)[number];

/** ¥100, the unit of the count-based fee. */
const HUNDRED_YUAN_FEN = 100_00;

// 国办函〔2020〕109号: up to 10 applications a month are free; the 11th to the 30th cost ¥100 each;
// from the 31st, ¥100 more for each further block of 10 (31st–40th ¥200, 41st–50th ¥300, …).
export const FREE_APPLICATIONS_PER_MONTH = 10;
const FIRST_BAND_LAST_APPLICATION = 30;
const FURTHER_BAND_SIZE = 10;

// 国办函〔2020〕109号: up to 30 pages are free; 31–100 pages ¥10; 101–200 pages ¥20; over 200 pages ¥40.
export const FREE_PAGES_PER_APPLICATION = 30;
const PAGE_BANDS: readonly { readonly upTo: number; readonly fen: number }[] = [
  { upTo: FREE_PAGES_PER_APPLICATION, fen: 0 },
  { upTo: 100, fen: 10_00 },
  { upTo: 200, fen: 20_00 },
  { upTo: Number.POSITIVE_INFINITY, fen: 40_00 },
];

/**
 * The fee in fen for one application: `basis` is, by count, which application of the applicant's
 * calendar month this one is (1 for the first); by pages, how many pages it runs to. Zero means
 * free. The basis is a positive whole number; the decider checks that before asking.
 */
export const processingFee = (method: FeeMethod, basis: number): number => {
  if (!Number.isInteger(basis) || basis < 1) throw new RangeError(`The basis of a processing fee is a positive whole number (got ${basis}).`);
  if (method === 'BY_PAGES') return PAGE_BANDS.find((band) => basis <= band.upTo)?.fen ?? 0;
  if (basis <= FREE_APPLICATIONS_PER_MONTH) return 0;
  if (basis <= FIRST_BAND_LAST_APPLICATION) return HUNDRED_YUAN_FEN;
  return HUNDRED_YUAN_FEN + HUNDRED_YUAN_FEN * Math.ceil((basis - FIRST_BAND_LAST_APPLICATION) / FURTHER_BAND_SIZE);
};
