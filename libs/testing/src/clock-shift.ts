import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PRELOAD = `const shift = Number(process.env.GONGKAI_E2E_CLOCK_SHIFT_MS || 0);
const RealDate = Date;
function ShiftedDate(...args) {
  if (!new.target) return new RealDate(RealDate.now() + shift).toString();
  return args.length === 0 ? new RealDate(RealDate.now() + shift) : new RealDate(...args);
}
Object.setPrototypeOf(ShiftedDate, RealDate);
ShiftedDate.prototype = RealDate.prototype;
ShiftedDate.now = () => RealDate.now() + shift;
globalThis.Date = ShiftedDate;
`;

/**
 * The environment that starts a platform process with its clock moved by `shiftMs`, the way faketime
 * would: a preload (written into `dir`) replaces `Date`. Rules that count days (consultation periods,
 * legal deadlines) can then be driven end to end without waiting for the days to pass.
 */
export const clockShiftEnv = (dir: string, shiftMs: number): Record<string, string> => {
  const file = join(dir, 'clock-shift.cjs');
  writeFileSync(file, PRELOAD);
  return { NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --require ${file}`.trim(), GONGKAI_E2E_CLOCK_SHIFT_MS: String(shiftMs) };
};
