import { defaultCalendar } from '@gongkai/calendar';
import { type ClockFacts, requestClock } from './request-clock';

/**
 * The answer deadline of Regulations Art. 30, 32 and 33 over the 2025 and 2026 calendars. Every
 * expected date is counted by hand in the comment above it: each working day after the reference
 * day with the running count in brackets; "S" marks a make-up Saturday or Sunday (调休上班).
 */
const calendar = defaultCalendar();

interface Case {
  readonly name: string;
  readonly facts: ClockFacts;
  readonly answerDueOn: string | null;
}

const received = (receivedOn: string, more: Partial<ClockFacts> = {}): ClockFacts => ({ receivedOn, consultations: [], ...more });

describe('the answer clock (Regulations Art. 30, 32, 33)', () => {
  describe('20 working days from the day after receipt (Art. 33)', () => {
    it.each<Case>([
      // Tue 02-10 [1], Wed [2], Thu [3], Fri 02-13 [4], Sat 02-14 S [5]; 02-15 … 02-23 Spring Festival;
      // Tue 02-24 [6] … Fri 02-27 [9], Sat 02-28 S [10]; Mon 03-02 … Fri 03-06 [11–15]; Mon 03-09 … Fri 03-13 [16–20].
      { name: '2026 across the Spring Festival and both make-up Saturdays', facts: received('2026-02-09'), answerDueOn: '2026-03-13' },
      // Mon 09-28 [1], Tue [2], Wed 09-30 [3]; 10-01 … 10-07 National Day; Thu 10-08 [4], Fri [5], Sat 10-10 S [6];
      // Mon 10-12 … Fri 10-16 [7–11]; Mon 10-19 … Fri 10-23 [12–16]; Mon 10-26 [17] … Thu 10-29 [20].
      { name: '2026 across Mid-Autumn and National Day', facts: received('2026-09-24'), answerDueOn: '2026-10-29' },
      // Tue 01-21 [1] … Fri 01-24 [4], Sun 01-26 S [5], Mon 01-27 [6]; 01-28 … 02-04 Spring Festival;
      // Wed 02-05 [7], Thu [8], Fri [9], Sat 02-08 S [10]; Mon 02-10 … Fri 02-14 [11–15]; Mon 02-17 … Fri 02-21 [16–20].
      { name: '2025 across the Spring Festival, make-up Sunday and Saturday', facts: received('2025-01-20'), answerDueOn: '2025-02-21' },
      // Fri 09-26 [1], Sun 09-28 S [2], Mon [3], Tue 09-30 [4]; 10-01 … 10-08 National Day and Mid-Autumn;
      // Thu 10-09 [5], Fri [6], Sat 10-11 S [7]; Mon 10-13 … Fri 10-17 [8–12]; Mon 10-20 … Fri 10-24 [13–17]; Mon 10-27 [18] … Wed 10-29 [20].
      { name: '2025 across National Day, make-up Sunday and Saturday', facts: received('2025-09-25'), answerDueOn: '2025-10-29' },
      // Received on a holiday (online): Thu 10-09 [1], Fri [2], Sat 10-11 S [3]; 10-13 … 10-17 [4–8];
      // 10-20 … 10-24 [9–13]; 10-27 … 10-31 [14–18]; Mon 11-03 [19], Tue 11-04 [20].
      { name: 'received on National Day 2025 itself', facts: received('2025-10-01'), answerDueOn: '2025-11-04' },
      // Received on the make-up Saturday 2026-02-14: Tue 02-24 [1] … Fri 02-27 [4], Sat 02-28 S [5];
      // 03-02 … 03-06 [6–10]; 03-09 … 03-13 [11–15]; 03-16 … Fri 03-20 [16–20].
      { name: 'received on a make-up Saturday', facts: received('2026-02-14'), answerDueOn: '2026-03-20' },
    ])('$name → $answerDueOn', ({ facts, answerDueOn }) => {
      expect(requestClock(facts, calendar).answerDueOn).toBe(answerDueOn);
    });
  });

  describe('supplement (Art. 30): the clock stops, and restarts from the day the supplement arrives', () => {
    it.each<Case>([
      // Notice 02-12, nothing received yet: no due date while the clock is stopped.
      {
        name: 'waiting for the supplement',
        facts: received('2026-02-09', { supplement: { noticeOn: '2026-02-12', dueOn: '2026-03-11' } }),
        answerDueOn: null,
      },
      // Supplement received Fri 2026-02-27: Sat 02-28 S [1]; 03-02 … 03-06 [2–6]; 03-09 … 03-13 [7–11];
      // 03-16 … 03-20 [12–16]; Mon 03-23 [17] … Thu 03-26 [20].
      {
        name: 'supplement received the day before a make-up Saturday',
        facts: received('2026-02-09', { supplement: { noticeOn: '2026-02-12', dueOn: '2026-03-11', receivedOn: '2026-02-27' } }),
        answerDueOn: '2026-03-26',
      },
    ])('$name → $answerDueOn', ({ facts, answerDueOn }) => {
      expect(requestClock(facts, calendar).answerDueOn).toBe(answerDueOn);
    });
  });

  describe('third-party consultation (Art. 32, 33): the days consulting are not counted', () => {
    // Received Mon 2026-09-14; without a pause: Tue 09-15 [1] … Fri 09-18 [4], Sun 09-20 S [5], Mon 09-21 [6] … Thu 09-24 [9];
    // 09-25 … 09-27 Mid-Autumn; Mon 09-28 [10], Tue [11], Wed 09-30 [12]; 10-01 … 10-07 National Day;
    // Thu 10-08 [13], Fri [14], Sat 10-10 S [15]; Mon 10-12 [16] … Fri 10-16 [20]. Due 2026-10-16.
    // Sent Fri 09-18, the reply limit is 15 working days: Sun 09-20 S [1], 09-21 … 09-24 [2–5], 09-28 … 09-30 [6–8],
    // Thu 10-08 [9], Fri [10], Sat 10-10 S [11], Mon 10-12 … Thu 10-15 [12–15]: 2026-10-15.
    const consulted = (repliedOn?: string): ClockFacts =>
      received('2026-09-14', { consultations: [{ sentOn: '2026-09-18', replyDueOn: '2026-10-15', ...(repliedOn ? { repliedOn } : {}) }] });

    it.each<Case>([
      // Not counted (09-18, 09-30]: Sun 09-20 S, 09-21, 09-22, 09-23, 09-24, 09-28, 09-29, 09-30 = 8 working days.
      // 10-16 + 8: Mon 10-19 [1] … Fri 10-23 [5], Mon 10-26 [6], Tue [7], Wed 10-28 [8].
      { name: 'reply on 2026-09-30, across a make-up Sunday and Mid-Autumn', facts: consulted('2026-09-30'), answerDueOn: '2026-10-28' },
      // No reply: the whole limit, 15 working days, is not counted. 10-16 + 15: 10-19 … 10-23 [1–5], 10-26 … 10-30 [6–10], 11-02 … Fri 11-06 [11–15].
      { name: 'no reply yet: the third party is assumed to use its whole limit', facts: consulted(), answerDueOn: '2026-11-06' },
      // A reply after the limit stops counting at the limit (10-15): the same 15 days, due 11-06.
      { name: 'a reply after the 15-day limit counts only up to the limit', facts: consulted('2026-10-20'), answerDueOn: '2026-11-06' },
      // Sent Mon 10-19, after the due date 10-16 had passed: an answer already late is not made timely by consulting.
      {
        name: 'a consultation started after the due date moves nothing',
        facts: received('2026-09-14', { consultations: [{ sentOn: '2026-10-19', replyDueOn: '2026-11-09', repliedOn: '2026-10-21' }] }),
        answerDueOn: '2026-10-16',
      },
      // Received Mon 2025-01-20, due 2025-02-21 (above). Sent Fri 01-24, reply Mon 02-10; not counted (01-24, 02-10]:
      // Sun 01-26 S, Mon 01-27, Wed 02-05, Thu 02-06, Fri 02-07, Sat 02-08 S, Mon 02-10 = 7.
      // 02-21 + 7: Mon 02-24 [1] … Fri 02-28 [5], Mon 03-03 [6], Tue 03-04 [7].
      {
        name: '2025: a consultation across the Spring Festival',
        facts: received('2025-01-20', { consultations: [{ sentOn: '2025-01-24', replyDueOn: '2025-02-20', repliedOn: '2025-02-10' }] }),
        answerDueOn: '2025-03-04',
      },
    ])('$name → $answerDueOn', ({ facts, answerDueOn }) => {
      expect(requestClock(facts, calendar).answerDueOn).toBe(answerDueOn);
    });

    it('shows each pause with its dates and the working days it added', () => {
      expect(requestClock(consulted('2026-09-30'), calendar).pauses).toEqual([
        { kind: 'THIRD_PARTY_CONSULTATION', from: '2026-09-18', until: '2026-09-30', workingDays: 8, pending: false },
      ]);
    });
  });

  describe('extension (Art. 33): once, by at most 20 working days from the current due date', () => {
    it.each<Case>([
      // Due 2026-10-16 (received 09-14, above); + 20: 10-19 … 10-23 [1–5], 10-26 … 10-30 [6–10], 11-02 … 11-06 [11–15], 11-09 … Fri 11-13 [16–20].
      { name: '2026: 20 more working days', facts: received('2026-09-14', { extension: { workingDays: 20 } }), answerDueOn: '2026-11-13' },
      // Due 2025-10-29 (received 09-25, above); + 10: Thu 10-30 [1], Fri 10-31 [2], 11-03 … 11-07 [3–7], Mon 11-10 [8], Tue [9], Wed 11-12 [10].
      { name: '2025: 10 more working days', facts: received('2025-09-25', { extension: { workingDays: 10 } }), answerDueOn: '2025-11-12' },
    ])('$name → $answerDueOn', ({ facts, answerDueOn }) => {
      expect(requestClock(facts, calendar).answerDueOn).toBe(answerDueOn);
    });
  });

  describe('processing fee (国办函〔2020〕109号): the time the applicant takes to pay is not counted', () => {
    const feeNotice = (receivedOn: string, noticeOn: string, payByOn: string, paidOn?: string): ClockFacts =>
      received(receivedOn, { fee: { noticeOn, payByOn, ...(paidOn ? { paidOn } : {}) } });

    it.each<Case>([
      // Received Mon 2026-09-14, due 10-16 (above). Notice Tue 09-29, paid Fri 10-09; not counted (09-29, 10-09]:
      // Wed 09-30 [1]; 10-01 … 10-07 National Day; Thu 10-08 [2], Fri 10-09 [3] = 3. The clock runs again Sat 10-10 S.
      // 10-16 + 3: Mon 10-19 [1], Tue [2], Wed 10-21 [3].
      { name: '2026: paid across National Day', facts: feeNotice('2026-09-14', '2026-09-29', '2026-10-12', '2026-10-09'), answerDueOn: '2026-10-21' },
      // Not paid yet, pay by Fri 10-09: the whole time to the pay-by date is assumed, the same 3 days.
      { name: '2026: not paid yet, the time to the pay-by date is assumed', facts: feeNotice('2026-09-14', '2026-09-29', '2026-10-09'), answerDueOn: '2026-10-21' },
      // Paid the day of the notice: nothing is left out of the count.
      { name: 'paid the day of the notice', facts: feeNotice('2026-09-14', '2026-09-29', '2026-10-09', '2026-09-29'), answerDueOn: '2026-10-16' },
      // Received Mon 2025-01-20, due 2025-02-21 (above). Notice Mon 01-27, paid Fri 02-07; not counted (01-27, 02-07]:
      // 01-28 … 02-04 Spring Festival; Wed 02-05 [1], Thu [2], Fri 02-07 [3] = 3. 02-21 + 3: Mon 02-24 [1], Tue [2], Wed 02-26 [3].
      { name: '2025: paid across the Spring Festival', facts: feeNotice('2025-01-20', '2025-01-27', '2025-02-14', '2025-02-07'), answerDueOn: '2025-02-26' },
      // A notice after the due date (10-16) has passed moves nothing: an answer already late is not made timely.
      { name: 'a notice after the due date moves nothing', facts: feeNotice('2026-09-14', '2026-10-19', '2026-10-30', '2026-10-21'), answerDueOn: '2026-10-16' },
      // Fee then consultation. Notice Wed 09-16, paid Fri 09-18: (09-16, 09-18] = 09-17, 09-18 = 2 → 10-16 + 2 = Tue 10-20.
      // Consultation sent Mon 09-21, reply Wed 09-30: (09-21, 09-30] = 09-22, 09-23, 09-24, 09-28, 09-29, 09-30 = 6 →
      // 10-20 + 6: Wed 10-21 [1], Thu [2], Fri 10-23 [3], Mon 10-26 [4], Tue [5], Wed 10-28 [6].
      {
        name: 'a fee notice, then a consultation',
        facts: received('2026-09-14', {
          fee: { noticeOn: '2026-09-16', payByOn: '2026-09-30', paidOn: '2026-09-18' },
          consultations: [{ sentOn: '2026-09-21', replyDueOn: '2026-10-15', repliedOn: '2026-09-30' }],
        }),
        answerDueOn: '2026-10-28',
      },
    ])('$name → $answerDueOn', ({ facts, answerDueOn }) => {
      expect(requestClock(facts, calendar).answerDueOn).toBe(answerDueOn);
    });

    it('shows the fee pause with its dates and the working days it added, pending until paid', () => {
      expect(requestClock(feeNotice('2026-09-14', '2026-09-29', '2026-10-09'), calendar).pauses).toEqual([
        { kind: 'FEE', from: '2026-09-29', until: '2026-10-09', workingDays: 3, pending: true },
      ]);
      expect(requestClock(feeNotice('2026-09-14', '2026-09-29', '2026-10-12', '2026-10-09'), calendar).pauses).toEqual([
        { kind: 'FEE', from: '2026-09-29', until: '2026-10-09', workingDays: 3, pending: false },
      ]);
    });
  });

  /**
   * Supplement (S), consultation (C) and extension (E) in every order. The supplement notice must
   * come within 7 working days of receipt; the extension cannot be granted while the clock is
   * stopped; a supplement restarts the period, so consultation days before it were never counted,
   * while an extension granted before it still lengthens the restarted period.
   */
  describe('in every order, 2026, received Mon 2026-02-09 (Spring Festival and Qingming)', () => {
    it.each<Case>([
      // S→C→E. Supplement asked Thu 02-12, received Fri 02-27 → due 03-26 (above).
      // C sent Tue 03-03, reply Thu 03-12; not counted (03-03, 03-12]: 03-04, 03-05, 03-06, 03-09 … 03-12 = 7.
      // 03-26 + 7: Fri 03-27 [1], Mon 03-30 [2], Tue 03-31 [3], Wed 04-01 [4], Thu 04-02 [5], Fri 04-03 [6]; 04-04 … 04-06 Qingming; Tue 04-07 [7].
      // E by 5: Wed 04-08 [1], Thu [2], Fri 04-10 [3], Mon 04-13 [4], Tue 04-14 [5].
      {
        name: 'S→C→E',
        facts: received('2026-02-09', {
          supplement: { noticeOn: '2026-02-12', dueOn: '2026-03-11', receivedOn: '2026-02-27' },
          consultations: [{ sentOn: '2026-03-03', replyDueOn: '2026-03-24', repliedOn: '2026-03-12' }],
          extension: { workingDays: 5 },
        }),
        answerDueOn: '2026-04-14',
      },
      // S→E→C. Due 03-26 after the supplement; E by 5: Fri 03-27 [1], Mon 03-30 [2], Tue 03-31 [3], Wed 04-01 [4], Thu 04-02 [5].
      // C sent Wed 03-25, reply Wed 04-01; not counted (03-25, 04-01]: 03-26, 03-27, 03-30, 03-31, 04-01 = 5.
      // 04-02 + 5: Fri 04-03 [1]; Qingming; Tue 04-07 [2], Wed [3], Thu [4], Fri 04-10 [5].
      {
        name: 'S→E→C',
        facts: received('2026-02-09', {
          supplement: { noticeOn: '2026-02-12', dueOn: '2026-03-11', receivedOn: '2026-02-27' },
          extension: { workingDays: 5 },
          consultations: [{ sentOn: '2026-03-25', replyDueOn: '2026-04-16', repliedOn: '2026-04-01' }],
        }),
        answerDueOn: '2026-04-10',
      },
      // C→S→E. C sent Tue 02-10 (limit 03-09), supplement asked Thu 02-12, received Fri 02-27 → due 03-26;
      // C's reply Thu 03-05: only the days after the restart count as consulting: (02-27, 03-05] = Sat 02-28 S, 03-02, 03-03, 03-04, 03-05 = 5.
      // 03-26 + 5: Fri 03-27 [1], 03-30 [2], 03-31 [3], 04-01 [4], Thu 04-02 [5]. E by 5: Fri 04-03 [1], Tue 04-07 [2] … Fri 04-10 [5].
      {
        name: 'C→S→E',
        facts: received('2026-02-09', {
          consultations: [{ sentOn: '2026-02-10', replyDueOn: '2026-03-09', repliedOn: '2026-03-05' }],
          supplement: { noticeOn: '2026-02-12', dueOn: '2026-03-11', receivedOn: '2026-02-27' },
          extension: { workingDays: 5 },
        }),
        answerDueOn: '2026-04-10',
      },
      // C→E→S. C sent Tue 02-10, reply Fri 02-13; E by 10 while the clock runs; supplement asked Wed 02-25 — the 7th
      // working day after receipt (02-10 [1] … 02-13 [4], Sat 02-14 S [5], 02-24 [6], 02-25 [7]), the last day allowed —
      // received Mon 03-02. The period restarts on 03-02; the consulting before it was never on the clock; the
      // extension stays: 20 + 10 = 30 from 03-02: 03-03 … 03-06 [1–4], 03-09 … 03-13 [5–9], 03-16 … 03-20 [10–14],
      // 03-23 … 03-27 [15–19], 03-30 [20], 03-31 [21], 04-01 [22], 04-02 [23], 04-03 [24]; Qingming; 04-07 … 04-10 [25–28], Mon 04-13 [29], Tue 04-14 [30].
      {
        name: 'C→E→S',
        facts: received('2026-02-09', {
          consultations: [{ sentOn: '2026-02-10', replyDueOn: '2026-03-09', repliedOn: '2026-02-13' }],
          extension: { workingDays: 10 },
          supplement: { noticeOn: '2026-02-25', dueOn: '2026-03-17', receivedOn: '2026-03-02' },
        }),
        answerDueOn: '2026-04-14',
      },
      // E→S→C. E by 5 first; supplement asked Tue 02-24, received Thu 02-26; C sent Mon 03-02 with no reply, so its
      // whole limit is assumed: 03-03 … 03-06 [1–4], 03-09 … 03-13 [5–9], 03-16 … 03-20 [10–14], Mon 03-23 [15] = 15.
      // 20 + 5 + 15 = 40 from 02-26: Fri 02-27 [1], Sat 02-28 S [2], 03-02 … 03-06 [3–7], 03-09 … 03-13 [8–12],
      // 03-16 … 03-20 [13–17], 03-23 … 03-27 [18–22], 03-30 … 04-03 [23–27]; Qingming; 04-07 … 04-10 [28–31],
      // 04-13 … 04-17 [32–36], Mon 04-20 [37], Tue [38], Wed [39], Thu 04-23 [40].
      {
        name: 'E→S→C',
        facts: received('2026-02-09', {
          extension: { workingDays: 5 },
          supplement: { noticeOn: '2026-02-24', dueOn: '2026-03-16', receivedOn: '2026-02-26' },
          consultations: [{ sentOn: '2026-03-02', replyDueOn: '2026-03-23' }],
        }),
        answerDueOn: '2026-04-23',
      },
      // E→C→S. E by 20; C sent Wed 02-11, supplement asked Thu 02-12, C's reply Fri 02-27, supplement received Tue 03-03.
      // The consultation ended before the restart: nothing of it is counted. 20 + 20 = 40 from 03-03:
      // 03-04 … 03-06 [1–3], 03-09 … 03-13 [4–8], 03-16 … 03-20 [9–13], 03-23 … 03-27 [14–18], 03-30 [19], 03-31 [20],
      // 04-01 [21], 04-02 [22], 04-03 [23]; Qingming; 04-07 … 04-10 [24–27], 04-13 … 04-17 [28–32], 04-20 … 04-24 [33–37],
      // Mon 04-27 [38], Tue [39], Wed 04-29 [40].
      {
        name: 'E→C→S',
        facts: received('2026-02-09', {
          extension: { workingDays: 20 },
          consultations: [{ sentOn: '2026-02-11', replyDueOn: '2026-03-10', repliedOn: '2026-02-27' }],
          supplement: { noticeOn: '2026-02-12', dueOn: '2026-03-11', receivedOn: '2026-03-03' },
        }),
        answerDueOn: '2026-04-29',
      },
    ])('$name → $answerDueOn', ({ facts, answerDueOn }) => {
      expect(requestClock(facts, calendar).answerDueOn).toBe(answerDueOn);
    });
  });

  describe('in every order, 2025, received Mon 2025-09-22 (National Day, make-up Sunday 09-28 and Saturday 10-11)', () => {
    it.each<Case>([
      // S→C→E. Supplement asked Thu 09-25, received on the make-up Sunday 09-28. From 09-28: Mon 09-29 [1], Tue 09-30 [2];
      // 10-01 … 10-08 holidays; Thu 10-09 [3], Fri [4], Sat 10-11 S [5]; 10-13 … 10-17 [6–10]; 10-20 … 10-24 [11–15]; 10-27 … Fri 10-31 [16–20].
      // C sent Thu 10-09, reply Mon 10-13; not counted (10-09, 10-13]: Fri 10-10, Sat 10-11 S, Mon 10-13 = 3 → 11-03 [1], 11-04 [2], Wed 11-05 [3].
      // E by 10: Thu 11-06 [1], Fri [2], 11-10 … 11-14 [3–7], Mon 11-17 [8], Tue [9], Wed 11-19 [10].
      {
        name: 'S→C→E',
        facts: received('2025-09-22', {
          supplement: { noticeOn: '2025-09-25', dueOn: '2025-10-22', receivedOn: '2025-09-28' },
          consultations: [{ sentOn: '2025-10-09', replyDueOn: '2025-10-29', repliedOn: '2025-10-13' }],
          extension: { workingDays: 10 },
        }),
        answerDueOn: '2025-11-19',
      },
      // S→E→C. Supplement asked Thu 09-25, received Tue 09-30. From 09-30: Thu 10-09 [1], Fri [2], Sat 10-11 S [3], 10-13 … 10-17 [4–8],
      // 10-20 … 10-24 [9–13], 10-27 … 10-31 [14–18], Mon 11-03 [19], Tue 11-04 [20]. E by 20: 11-05 … 11-07 [1–3], 11-10 … 11-14 [4–8],
      // 11-17 … 11-21 [9–13], 11-24 … 11-28 [14–18], Mon 12-01 [19], Tue 12-02 [20].
      // C sent Mon 11-03 with no reply: its whole limit, 11-04 … 11-07 [1–4], 11-10 … 11-14 [5–9], 11-17 … 11-21 [10–14], Mon 11-24 [15] = 15.
      // 12-02 + 15: 12-03 … 12-05 [1–3], 12-08 … 12-12 [4–8], 12-15 … 12-19 [9–13], Mon 12-22 [14], Tue 12-23 [15].
      {
        name: 'S→E→C',
        facts: received('2025-09-22', {
          supplement: { noticeOn: '2025-09-25', dueOn: '2025-10-22', receivedOn: '2025-09-30' },
          extension: { workingDays: 20 },
          consultations: [{ sentOn: '2025-11-03', replyDueOn: '2025-11-24' }],
        }),
        answerDueOn: '2025-12-23',
      },
      // C→S→E. C sent Tue 09-23, reply Thu 10-09; supplement asked Fri 09-26, received on the make-up Saturday 10-11.
      // The consultation ended before the restart. 20 + 3 = 23 from 10-11: 10-13 … 10-17 [1–5], 10-20 … 10-24 [6–10],
      // 10-27 … 10-31 [11–15], 11-03 … 11-07 [16–20], Mon 11-10 [21], Tue [22], Wed 11-12 [23].
      {
        name: 'C→S→E',
        facts: received('2025-09-22', {
          consultations: [{ sentOn: '2025-09-23', replyDueOn: '2025-10-20', repliedOn: '2025-10-09' }],
          supplement: { noticeOn: '2025-09-26', dueOn: '2025-10-23', receivedOn: '2025-10-11' },
          extension: { workingDays: 3 },
        }),
        answerDueOn: '2025-11-12',
      },
      // C→E→S. C sent Wed 09-24, reply on the make-up Sunday 09-28; E by 5; supplement asked Tue 09-30 — the 7th working
      // day after receipt counting the make-up Sunday (09-23 [1] … 09-26 [4], Sun 09-28 S [5], 09-29 [6], 09-30 [7]) —
      // received Fri 10-10. 20 + 5 = 25 from 10-10: Sat 10-11 S [1], 10-13 … 10-17 [2–6], 10-20 … 10-24 [7–11],
      // 10-27 … 10-31 [12–16], 11-03 … 11-07 [17–21], 11-10 … Thu 11-13 [22–25].
      {
        name: 'C→E→S',
        facts: received('2025-09-22', {
          consultations: [{ sentOn: '2025-09-24', replyDueOn: '2025-10-21', repliedOn: '2025-09-28' }],
          extension: { workingDays: 5 },
          supplement: { noticeOn: '2025-09-30', dueOn: '2025-10-28', receivedOn: '2025-10-10' },
        }),
        answerDueOn: '2025-11-13',
      },
      // E→S→C. E by 10; supplement asked Mon 09-29, received Thu 10-09; C sent Fri 10-10, reply Tue 10-14:
      // not counted (10-10, 10-14]: Sat 10-11 S, Mon 10-13, Tue 10-14 = 3. 20 + 10 + 3 = 33 from 10-09:
      // Fri 10-10 [1], Sat 10-11 S [2], 10-13 … 10-17 [3–7], 10-20 … 10-24 [8–12], 10-27 … 10-31 [13–17],
      // 11-03 … 11-07 [18–22], 11-10 … 11-14 [23–27], 11-17 … 11-21 [28–32], Mon 11-24 [33].
      {
        name: 'E→S→C',
        facts: received('2025-09-22', {
          extension: { workingDays: 10 },
          supplement: { noticeOn: '2025-09-29', dueOn: '2025-10-27', receivedOn: '2025-10-09' },
          consultations: [{ sentOn: '2025-10-10', replyDueOn: '2025-10-30', repliedOn: '2025-10-14' }],
        }),
        answerDueOn: '2025-11-24',
      },
      // E→C→S. E by 20; C sent Tue 09-23, supplement asked Thu 09-25, C's reply Fri 10-10, supplement received Mon 10-13.
      // 20 + 20 = 40 from 10-13: 10-14 … 10-17 [1–4], 10-20 … 10-24 [5–9], 10-27 … 10-31 [10–14], 11-03 … 11-07 [15–19],
      // 11-10 … 11-14 [20–24], 11-17 … 11-21 [25–29], 11-24 … 11-28 [30–34], 12-01 … 12-05 [35–39], Mon 12-08 [40].
      {
        name: 'E→C→S',
        facts: received('2025-09-22', {
          extension: { workingDays: 20 },
          consultations: [{ sentOn: '2025-09-23', replyDueOn: '2025-10-20', repliedOn: '2025-10-10' }],
          supplement: { noticeOn: '2025-09-25', dueOn: '2025-10-22', receivedOn: '2025-10-13' },
        }),
        answerDueOn: '2025-12-08',
      },
    ])('$name → $answerDueOn', ({ facts, answerDueOn }) => {
      expect(requestClock(facts, calendar).answerDueOn).toBe(answerDueOn);
    });
  });

  it('refuses to guess a due date in a year whose calendar is not loaded', () => {
    // Received Wed 2026-12-16: 20 working days reach into January 2027, for which no notice is loaded.
    expect(() => requestClock(received('2026-12-16'), calendar)).toThrow(expect.objectContaining({ rule: 'CALENDAR_YEAR_NOT_LOADED' }));
  });
});
