/**
 * One decoder for every message: building a TextDecoder per message showed in the profiles. Without
 * `stream` it keeps no state between calls; `fatal` refuses bytes that are not UTF-8.
 */
const decoder = new TextDecoder('utf-8', { fatal: true });

/** The text of a message body; throws a TypeError when the bytes are not UTF-8. */
export const decodeStrictUtf8 = (bytes: Uint8Array): string => decoder.decode(bytes);
