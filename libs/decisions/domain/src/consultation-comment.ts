import { requireSealed, requireText, type SealedPersonalData } from '@gongkai/kernel';

/** What the bureau did with a comment or a group of comments (采纳情况). */
export const DISPOSITIONS = ['ADOPTED', 'PARTLY_ADOPTED', 'NOT_ADOPTED'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export const MAX_COMMENT_LENGTH = 5000;

/** A comment from the public (公众意见). */
export interface CommentInput {
  readonly content: string;
  readonly authorName: string;
}

export const validateComment = (input: Readonly<Record<string, unknown>>): CommentInput => ({
  content: requireText('content', input['content'], { max: MAX_COMMENT_LENGTH }),
  authorName: requireText('authorName', input['authorName'], { max: 50, optional: true }),
});

/**
 * A commenter's contact (联系方式) is personal data: it is for the staff handling the comments
 * only, and it enters no event, read model or log in plain text. The gateway validates it with
 * `validateCommentContact` and encrypts it under the comment's own key of the personal-data vault,
 * so that erasing that key forgets it everywhere; the decider accepts only the ciphertext.
 */
export type SealedContact = SealedPersonalData;

/** The vault key a comment's contact is encrypted under. */
export const contactKeyOf = (commentId: string): string => `consultation-comment:${commentId}`;

/** The plain contact, checked before it is encrypted; '' when none was given. Errors never repeat the value. */
export const validateCommentContact = (value: unknown): string => requireText('contact', value, { max: 100, optional: true });

/** Undefined when no contact was given; plain text in a command is refused, not stored. */
export const requireSealedContact = (value: unknown, commentId: string): SealedContact | undefined => {
  if (value === undefined || value === null) return undefined;
  return requireSealed(value, contactKeyOf(commentId), {
    maxLength: 1000,
    code: 'CONTACT_NOT_SEALED',
    message: 'The contact must arrive encrypted under the comment’s own key.',
    field: 'contact',
  });
};

/** The part of a comment the rules need: whether it is hidden, and how it was disposed of. */
export interface CommentRecord {
  readonly hidden: boolean;
  readonly disposal?: { readonly group: number; readonly disposition: Disposition; readonly reason: string };
}

export interface FeedbackGroup {
  /** The disposal act that placed these comments, counted from 1 within the consultation. */
  readonly group: number;
  readonly disposition: Disposition;
  readonly reason: string;
  readonly commentIds: readonly string[];
}

/** The feedback report (意见采纳情况反馈): how many comments, and what was done with them and why. */
export interface FeedbackReport {
  /** Every comment received, hidden ones included. */
  readonly totalComments: number;
  readonly hiddenComments: number;
  readonly counts: readonly { readonly disposition: Disposition; readonly comments: number }[];
  readonly groups: readonly FeedbackGroup[];
}

/** The report as the comments stand: groups in the order they were disposed of, comments in the order received. */
export const feedbackReportOf = (comments: ReadonlyMap<string, CommentRecord>): FeedbackReport => {
  const groups = new Map<number, { disposition: Disposition; reason: string; commentIds: string[] }>();
  let hiddenComments = 0;
  for (const [commentId, comment] of comments) {
    if (comment.hidden) hiddenComments++;
    const disposal = comment.disposal;
    if (!disposal) continue;
    const group = groups.get(disposal.group) ?? { disposition: disposal.disposition, reason: disposal.reason, commentIds: [] };
    group.commentIds.push(commentId);
    groups.set(disposal.group, group);
  }
  const ordered = [...groups.entries()].sort(([a], [b]) => a - b).map(([group, rest]) => ({ group, ...rest }));
  return {
    totalComments: comments.size,
    hiddenComments,
    counts: DISPOSITIONS.map((disposition) => ({
      disposition,
      comments: ordered.filter((g) => g.disposition === disposition).reduce((sum, g) => sum + g.commentIds.length, 0),
    })),
    groups: ordered,
  };
};

/** Visible comments nobody has disposed of yet: feedback waits for them. */
export const undisposedVisibleComments = (comments: ReadonlyMap<string, CommentRecord>): number =>
  [...comments.values()].filter((comment) => !comment.hidden && !comment.disposal).length;
