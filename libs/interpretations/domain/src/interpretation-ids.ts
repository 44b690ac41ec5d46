import { badInput } from '@gongkai/kernel';

/**
 * An interpretation's id names its policy document: `<documentId>:<key>`. Every command about an
 * interpretation — a revision, the review gate's approval — can then be routed to the document's
 * stream from the id alone, without asking a read model where the interpretation lives.
 */
const SEPARATOR = ':';

export const interpretationIdFor = (documentId: string, key: string): string => `${documentId}${SEPARATOR}${key}`;

/** The document an interpretation belongs to; BAD_USER_INPUT for an id this context never gave out. */
export const documentIdOfInterpretation = (interpretationId: string): string => {
  const at = typeof interpretationId === 'string' ? interpretationId.lastIndexOf(SEPARATOR) : -1;
  if (at <= 0 || at === interpretationId.length - 1) {
    throw badInput('INVALID_INTERPRETATION_ID', `${String(interpretationId).slice(0, 80)} is not an interpretation id.`, { field: 'id' });
  }
  return interpretationId.slice(0, at);
};
