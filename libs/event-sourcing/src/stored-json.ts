/**
 * The stored form of an event's data and metadata, as one canonical JSON text: what JSON storage
 * reads back (`toJSON` applied, `undefined` fields dropped, `undefined` array items as null) with
 * object keys sorted and no whitespace. `canonicalStoredJson(value)` is byte for byte
 * `canonicalJson(toStoredJson(value))` (the hashed form), computed in one walk instead of a
 * stringify, a parse and a second walk; sealing.unit.spec.ts holds the two side by side.
 */

const refuseNumber = (value: number): never => {
  throw new TypeError(`Cannot store the number ${value} in an event.`);
};

// Keys repeat from event to event; quoting each only once pays. Bounded, since keys may be data.
const QUOTED_KEYS_LIMIT = 2048;
const quotedKeys = new Map<string, string>();
const quoteKey = (key: string): string => {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size < QUOTED_KEYS_LIMIT) quotedKeys.set(key, quoted);
  }
  return quoted;
};

/** One value as JSON.stringify's SerializeJSONProperty sees it; undefined where JSON leaves it out. */
function writeProperty(value: unknown, key: string, stack: object[]): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : refuseNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
    case 'bigint': {
      if (value === null) return 'null';
      const toJSON = (value as { toJSON?: unknown }).toJSON;
      return writeValue(typeof toJSON === 'function' ? (toJSON.call(value, key) as unknown) : value, stack);
    }
    default:
      return undefined; // undefined, functions and symbols
  }
}

/** The value after `toJSON`, as JSON.stringify writes it (boxed primitives unwrapped). */
function writeValue(value: unknown, stack: object[]): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : refuseNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('Cannot store a BigInt in an event.');
    case 'object':
      if (value === null) return 'null';
      // Boxed primitives pass JSON.stringify's replacer as objects, so a boxed NaN becomes null there.
      if (value instanceof Number) return Number.isFinite(Number(value)) ? String(Number(value)) : 'null';
      if (value instanceof String) return JSON.stringify(String(value));
      if (value instanceof Boolean) return value.valueOf() ? 'true' : 'false';
      if (value instanceof BigInt) throw new TypeError('Cannot store a BigInt in an event.');
      return writeStructure(value, stack);
    default:
      return undefined;
  }
}

function writeStructure(value: object, stack: object[]): string {
  if (stack.includes(value)) throw new TypeError('Cannot store a circular structure in an event.');
  stack.push(value);
  let text: string;
  if (Array.isArray(value)) {
    const items = value as readonly unknown[];
    text = '[';
    for (let index = 0; index < items.length; index++) {
      if (index > 0) text += ',';
      text += writeProperty(items[index], String(index), stack) ?? 'null';
    }
    text += ']';
  } else {
    const record = value as Readonly<Record<string, unknown>>;
    // The default sort compares UTF-16 code units, as canonicalJson's `<` does.
    const keys = Object.keys(record).sort();
    text = '{';
    let first = true;
    for (const key of keys) {
      const member = writeProperty(record[key], key, stack);
      if (member === undefined) continue;
      text += first ? `${quoteKey(key)}:${member}` : `,${quoteKey(key)}:${member}`;
      first = false;
    }
    text += '}';
  }
  stack.pop();
  return text;
}

/**
 * `canonicalJson(toStoredJson(value))` in one pass. Refuses (TypeError) what `toStoredJson`
 * refuses: non-finite numbers, BigInts, circular structures, and a value JSON leaves out entirely.
 */
export const canonicalStoredJson = (value: unknown): string => {
  const text = writeProperty(value, '', []);
  if (text === undefined) throw new TypeError('Cannot store an undefined value in an event.');
  return text;
};
