/**
 * A byte-level CSV tokenizer: one pass over UTF-8 bytes records where every field starts and ends, without
 * making strings. Fields that need unquoting (quotes, escapes) are flagged so only they take the slow path.
 * Records end at \n, \r\n or \r; inside quotes a newline belongs to the field only in multiLine mode.
 */

export interface CsvDialect {
  readonly sep: number;
  /** -1 disables quoting. */
  readonly quote: number;
  /** -1 disables escaping. */
  readonly escape: number;
  /** -1 disables comments. */
  readonly comment: number;
  readonly multiLine: boolean;
}

/** Field boundaries for a run of records: field k of the run spans bytes [starts[k], ends[k]). */
export interface CsvTokens {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** 1 = quoted (surrounding quotes already excluded from the span); 2 = quoted and needs unescaping. */
  readonly flags: Uint8Array;
  /** Record r owns fields [recordStarts[r], recordStarts[r + 1]). */
  readonly recordStarts: Int32Array;
  readonly numRecords: number;
  /** Byte offset where each record begins (for error messages and corrupt-record columns). */
  readonly recordOffsets: Int32Array;
}

const LF = 10;
const CR = 13;

class Growable {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
}

/** Tokenizes bytes [from, to) of `bytes`; records starting before `to` are read to their end. */
export function tokenizeCsv(bytes: Uint8Array, dialect: CsvDialect, from = 0, to = bytes.length): CsvTokens {
  const { sep, quote, escape: escapeByte, comment, multiLine } = dialect;
  const estimate = Math.ceil((to - from) / 8);
  const starts = new Growable(estimate);
  const ends = new Growable(estimate);
  let flags = new Uint8Array(Math.max(16, estimate));
  const recordStarts = new Growable(estimate / 8);
  const recordOffsets = new Growable(estimate / 8);
  const n = bytes.length;
  let i = from;
  while (i < to) {
    // Skip blank lines and comment lines, as Spark does.
    const first = bytes[i] as number;
    if (first === LF || first === CR) {
      i++;
      continue;
    }
    if (first === comment) {
      while (i < n && bytes[i] !== LF && bytes[i] !== CR) i++;
      continue;
    }
    recordStarts.push(starts.length);
    recordOffsets.push(i);
    let recordDone = false;
    while (!recordDone) {
      let flag = 0;
      let start = i;
      let end: number;
      if (i < n && bytes[i] === quote) {
        flag = 1;
        const opening = i;
        // A quote inside the value that is neither escaped nor closing (`""` when the escape is `\`) makes
        // Spark's parser keep the whole field as it stands, quotes included.
        let verbatim = false;
        start = ++i;
        for (;;) {
          if (i >= n) {
            end = i;
            break;
          }
          const b = bytes[i] as number;
          if (b === escapeByte && escapeByte !== quote && i + 1 < n) {
            flag = 2;
            i += 2;
          } else if (b === quote) {
            const next = i + 1 < n ? (bytes[i + 1] as number) : -1;
            if (escapeByte === quote && next === quote) {
              flag = 2;
              i += 2;
            } else if (next !== -1 && next !== sep && next !== LF && next !== CR) {
              verbatim = true;
              i++;
            } else {
              end = i++;
              if (verbatim) {
                start = opening;
                end = i;
                flag = 0;
              }
              break;
            }
          } else if ((b === LF || b === CR) && !multiLine) {
            end = i;
            break;
          } else i++;
        }
        // Characters between the closing quote and the separator are kept, as a lenient parser would.
        while (i < n && bytes[i] !== sep && bytes[i] !== LF && bytes[i] !== CR) {
          i++;
          end = i;
          flag = 2;
        }
      } else {
        while (i < n) {
          const b = bytes[i] as number;
          if (b === sep || b === LF || b === CR) break;
          i++;
        }
        end = i;
      }
      if (starts.length === flags.length) {
        const next = new Uint8Array(flags.length * 2);
        next.set(flags);
        flags = next;
      }
      flags[starts.length] = flag;
      starts.push(start);
      ends.push(end);
      if (i < n && bytes[i] === sep) {
        i++;
        continue;
      }
      recordDone = true;
      if (i < n && bytes[i] === CR) i++;
      if (i < n && bytes[i] === LF) i++;
    }
  }
  recordStarts.push(starts.length);
  return {
    starts: starts.data.subarray(0, starts.length),
    ends: ends.data.subarray(0, ends.length),
    flags: flags.subarray(0, starts.length),
    recordStarts: recordStarts.data.subarray(0, recordStarts.length),
    numRecords: recordStarts.length - 1,
    recordOffsets: recordOffsets.data.subarray(0, recordOffsets.length),
  };
}

/** The text of a quoted field with escapes and doubled quotes resolved. */
export function unescapeField(text: string, quote: string, escapeChar: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if ((c === escapeChar && escapeChar !== "" && i + 1 < text.length) || (c === quote && text[i + 1] === quote)) {
      out += text[++i];
    } else if (c !== quote) out += c;
  }
  return out;
}

/** Where the first record starting at or after `offset` begins (for byte-range splits without multiLine). */
export function nextRecordStart(bytes: Uint8Array, offset: number): number {
  if (offset === 0) return 0;
  let i = offset;
  while (i < bytes.length && bytes[i - 1] !== LF && bytes[i - 1] !== CR) i++;
  return i;
}
