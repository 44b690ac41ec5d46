import { badInput, requireInteger, requireList, requireText } from '@gongkai/kernel';

/**
 * A passage of the content to disclose that is withheld (区分处理), with its reason: a negative-list
 * item or a legal basis. Positions count characters (Unicode code points), end excluded.
 */
export interface Redaction {
  readonly start: number;
  readonly end: number;
  readonly reason: string;
}

/** What the applicant receives: the content with each passage replaced, and the reasons listed. */
export interface RedactedContent {
  readonly text: string;
  readonly reasons: readonly string[];
}

const MAX_CONTENT = 100_000;

/** Regulations Art. 37: what can be separated is disclosed, and the withheld passages are explained. */
export const validateRedactions = (content: string, value: unknown): Redaction[] => {
  const length = Array.from(content).length;
  const redactions = requireList('redactions', value ?? [], { max: 200 }, (item, i) => {
    const entry = (item ?? {}) as Record<string, unknown>;
    const start = requireInteger(`redactions[${i}].start`, entry['start'], { min: 0, max: MAX_CONTENT });
    const end = requireInteger(`redactions[${i}].end`, entry['end'], { min: 0, max: MAX_CONTENT });
    if (end <= start || end > length) {
      throw badInput('REDACTION_OUT_OF_RANGE', `redactions[${i}] must mark at least one character inside the content (0 to ${length}).`, { field: `redactions[${i}]` });
    }
    return { start, end, reason: requireText(`redactions[${i}].reason`, entry['reason'], { max: 1000 }) };
  });
  const sorted = [...redactions].sort((a, b) => a.start - b.start);
  sorted.forEach((redaction, i) => {
    if (i > 0 && redaction.start < sorted[i - 1].end) {
      throw badInput('REDACTIONS_OVERLAP', 'Redacted passages may not overlap: mark each passage once, with one reason.', { field: 'redactions' });
    }
  });
  return sorted;
};

/** The applicant's version: `［已删除 n］` in place of each passage, n pointing at its reason. */
export const redact = (content: string, redactions: readonly Redaction[]): RedactedContent => {
  const characters = Array.from(content);
  const parts: string[] = [];
  let cursor = 0;
  redactions.forEach((redaction, i) => {
    parts.push(characters.slice(cursor, redaction.start).join(''), `［已删除 ${i + 1}］`);
    cursor = redaction.end;
  });
  parts.push(characters.slice(cursor).join(''));
  return { text: parts.join(''), reasons: redactions.map((redaction, i) => `${i + 1}. ${redaction.reason}`) };
};
