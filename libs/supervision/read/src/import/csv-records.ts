import { TextDecoder } from 'node:util';
import { badInput } from '@gongkai/kernel';
import { CsvParser, type CsvRecord } from './csv-parser';

/** The encodings a bureau's spreadsheets come in: UTF-8, or GB18030 (which includes GBK and GB2312) from Excel on Chinese Windows. */
export const CSV_ENCODINGS = ['utf-8', 'gb18030'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/** Enough of the file to tell the encodings apart: Chinese text in GB18030 is almost never valid UTF-8. */
const SNIFF_BYTES = 64 * 1024;

const isUtf8 = (bytes: Uint8Array): boolean => {
  try {
    // `stream: true` forgives a character cut at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
};

/** Reads until the sample is large enough to decide, then hands every byte on, the sample first. */
async function* withSniffedEncoding(bytes: AsyncIterable<Uint8Array>, declared: CsvEncoding | undefined, chosen: (encoding: CsvEncoding) => void): AsyncGenerator<Uint8Array> {
  if (declared) {
    chosen(declared);
    yield* bytes;
    return;
  }
  const sample: Uint8Array[] = [];
  let size = 0;
  const iterator = bytes[Symbol.asyncIterator]();
  for (let next = await iterator.next(); ; next = await iterator.next()) {
    if (!next.done) {
      sample.push(next.value);
      size += next.value.length;
    }
    if (next.done || size >= SNIFF_BYTES) {
      chosen(isUtf8(Buffer.concat(sample)) ? 'utf-8' : 'gb18030');
      yield* sample;
      if (next.done) return;
      break;
    }
  }
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
}

/**
 * The records of a CSV file streamed as bytes, one at a time: memory holds one piece of the file
 * and one record, whatever the file's size. Without a declared encoding it is detected from the
 * start of the file; a byte-order mark is dropped.
 */
export async function* csvRecords(bytes: AsyncIterable<Uint8Array>, declared?: CsvEncoding): AsyncGenerator<CsvRecord> {
  const parser = new CsvParser();
  let decoder: TextDecoder | undefined;
  let encoding: CsvEncoding = 'utf-8';
  let lastRow = 1;
  const decode = (chunk?: Uint8Array): string => {
    try {
      return chunk ? (decoder as TextDecoder).decode(chunk, { stream: true }) : (decoder as TextDecoder).decode();
    } catch {
      throw badInput('CSV_NOT_UTF8', `After row ${lastRow} the file is not valid UTF-8: send it as GB18030 (charset=gb18030).`, { row: lastRow + 1 });
    }
  };
  for await (const chunk of withSniffedEncoding(bytes, declared, (chosen) => (encoding = chosen))) {
    decoder ??= new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
    for (const record of parser.push(decode(chunk))) {
      lastRow = record.row;
      yield record;
    }
  }
  if (decoder) yield* parser.push(decode());
  yield* parser.end();
}
