import { CsvParser, MAX_CELL_CHARS } from './csv-parser';
import { csvRecords } from './csv-records';

const parse = (text: string) => {
  const parser = new CsvParser();
  return [...parser.push(text), ...parser.end()].map((r) => [r.row, r.cells]);
};

/** Bytes in pieces of `size`, as a socket delivers them: cuts fall inside characters and quotes. */
async function* pieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
const records = async (bytes: Uint8Array, size = 7, encoding?: 'utf-8' | 'gb18030') => {
  const all: [number, readonly string[]][] = [];
  for await (const r of csvRecords(pieces(bytes, size), encoding)) all.push([r.row, r.cells]);
  return all;
};

describe('CSV (RFC 4180), read piece by piece', () => {
  it('reads cells, quoted commas, doubled quotes and line breaks inside quotes as one row', () => {
    expect(parse('a,b,c\n"1,5","say ""hi""","two\nlines"\r\nx,,z')).toEqual([
      [1, ['a', 'b', 'c']],
      [2, ['1,5', 'say "hi"', 'two\nlines']],
      [3, ['x', '', 'z']],
    ]);
  });

  it('accepts CRLF, LF and CR line ends, and no line end at the end', () => {
    expect(parse('a\r\nb\rc\nd')).toEqual([
      [1, ['a']],
      [2, ['b']],
      [3, ['c']],
      [4, ['d']],
    ]);
    expect(parse('a\n')).toEqual([[1, ['a']]]);
    expect(parse('"a"')).toEqual([[1, ['a']]]);
  });

  it('gives the same records whatever the pieces the text arrives in', async () => {
    const text = '统一社会信用代码,监测值\r\n"914453211943876526","32.5"\r\n"x,""y""",\r\n';
    const whole = await records(Buffer.from(text), 1 << 20);
    for (const size of [1, 2, 3, 5, 13]) expect(await records(Buffer.from(text), size)).toEqual(whole);
    expect(whole).toEqual([
      [1, ['统一社会信用代码', '监测值']],
      [2, ['914453211943876526', '32.5']],
      [3, ['x,"y"', '']],
    ]);
  });

  it('drops a UTF-8 byte-order mark', async () => {
    expect(await records(Buffer.from('\uFEFFa,b\n1,2\n'))).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
    ]);
  });

  it('detects GB18030 (Excel on Chinese Windows) and reads it, or takes it as declared', async () => {
    // "污染物,单位\n颗粒物,毫克" in GB18030.
    const gb = Buffer.from('cedbc8beceef2cb5a5cebb0abfc5c1a3ceef2cbac1bfcb0a', 'hex');
    expect(await records(gb)).toEqual([
      [1, ['污染物', '单位']],
      [2, ['颗粒物', '毫克']],
    ]);
    expect(await records(gb, 3, 'gb18030')).toEqual(await records(gb));
  });

  it('refuses a file declared UTF-8 that is not', async () => {
    const gb = Buffer.from('612c620a31cedb0a', 'hex');
    await expect(records(gb, 4, 'utf-8')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', rule: 'CSV_NOT_UTF8' });
  });

  it('refuses an unclosed quote, text after a closing quote, and a cell without end', () => {
    expect(() => parse('a\n"open')).toThrow(expect.objectContaining({ rule: 'CSV_UNCLOSED_QUOTE', details: { row: 2 } }));
    expect(() => parse('"a"b,c')).toThrow(expect.objectContaining({ rule: 'CSV_TEXT_AFTER_QUOTE' }));
    expect(() => parse(`"${'x'.repeat(MAX_CELL_CHARS + 1)}`)).toThrow(expect.objectContaining({ rule: 'CSV_CELL_TOO_LONG' }));
  });
});
