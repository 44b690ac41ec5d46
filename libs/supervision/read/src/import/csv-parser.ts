import { badInput } from '@gongkai/kernel';

/** Longer than any field of a record (the longest, facts and legal basis, take 8,000 characters). */
export const MAX_CELL_CHARS = 20_000;
export const MAX_COLUMNS = 64;

/** One record of the file: its row as a spreadsheet numbers it (the header is row 1) and its cells. */
export interface CsvRecord {
  readonly row: number;
  readonly cells: readonly string[];
}

/**
 * RFC 4180 CSV, fed text piece by piece so that a file of any size is read in bounded memory:
 * quoted cells may hold commas, doubled quotes and line breaks; lines end in CRLF, LF or CR.
 * A cell or a line without end (an unclosed quote) is refused at the limit, never buffered on.
 */
export class CsvParser {
  private cells: string[] = [];
  private cell = '';
  private quoted = false;
  /** Inside a quoted cell, a quote was just read: the next character says whether it closed the cell. */
  private quoteSeen = false;
  /** After a closing quote only a comma or a line end may follow. */
  private closed = false;
  private skipLineFeed = false;
  private row = 1;

  /** Feeds the next piece of text; returns the records completed by it. */
  push(text: string): CsvRecord[] {
    const done: CsvRecord[] = [];
    for (let i = 0; i < text.length; i++) {
      const char = text[i];
      if (this.skipLineFeed) {
        this.skipLineFeed = false;
        if (char === '\n') continue;
      }
      if (this.quoted) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (char === '"') {
            this.append('"');
            continue;
          }
          this.quoted = false;
          this.closed = true;
        } else if (char === '"') {
          this.quoteSeen = true;
          continue;
        } else {
          this.append(char);
          continue;
        }
      }
      if (char === ',') this.endCell();
      else if (char === '\n' || char === '\r') {
        this.skipLineFeed = char === '\r';
        done.push(this.endRecord());
      } else if (this.closed) {
        throw badInput('CSV_TEXT_AFTER_QUOTE', `Row ${this.row}: a quoted cell must end at a comma or the end of the line.`, { row: this.row });
      } else if (char === '"' && this.cell === '') this.quoted = true;
      else this.append(char);
    }
    return done;
  }

  /** The last record, when the file does not end with a line break. */
  end(): CsvRecord[] {
    if (this.quoted && !this.quoteSeen) throw badInput('CSV_UNCLOSED_QUOTE', `Row ${this.row}: a quoted cell is never closed.`, { row: this.row });
    if (this.quoteSeen) {
      this.quoteSeen = false;
      this.quoted = false;
    }
    return this.cells.length > 0 || this.cell !== '' || this.closed ? [this.endRecord()] : [];
  }

  private append(char: string): void {
    if (this.cell.length >= MAX_CELL_CHARS) {
      throw badInput('CSV_CELL_TOO_LONG', `Row ${this.row}: a cell is longer than ${MAX_CELL_CHARS} characters (is a quote left open?).`, { row: this.row });
    }
    this.cell += char;
  }

  private endCell(): void {
    if (this.cells.length >= MAX_COLUMNS) throw badInput('CSV_TOO_MANY_COLUMNS', `Row ${this.row} has more than ${MAX_COLUMNS} columns.`, { row: this.row });
    this.cells.push(this.cell);
    this.cell = '';
    this.closed = false;
  }

  private endRecord(): CsvRecord {
    this.endCell();
    const record = { row: this.row++, cells: this.cells };
    this.cells = [];
    return record;
  }
}
