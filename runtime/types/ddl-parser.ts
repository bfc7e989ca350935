/**
 * Spark's type DDL without a server: `parseSchema("a INT, b ARRAY<STRING> NOT NULL COMMENT 'x'")` for column
 * lists, `parseDataType("decimal(10,2)")` for one type, and `parseDDL` which accepts either, as PySpark's
 * `_parse_datatype_string` does. Keywords are case-insensitive, as in Spark.
 */

import { ParseException } from "../errors/index.js";
import {
  BinaryType,
  BooleanType,
  ByteType,
  CalendarIntervalType,
  DateType,
  DoubleType,
  FloatType,
  IntegerType,
  LongType,
  NullType,
  ShortType,
  TimestampNTZType,
  TimestampType,
  VariantType,
} from "./atomic-types.js";
import { ArrayType, MapType, StructField, StructType } from "./complex-types.js";
import type { JsonValue } from "./data-type.js";
import { type Token, tokenize } from "./ddl-lexer.js";
import { CharType, DecimalType, StringType, TimeType, VarcharType } from "./parameterized-types.js";
import type { SparkDataType } from "./spark-data-type.js";
import { typeSyntaxError } from "./type-errors.js";
import { intervalFromFields } from "./type-json.js";

const SIMPLE_TYPES: Record<string, SparkDataType> = {
  boolean: BooleanType.instance,
  tinyint: ByteType.instance,
  byte: ByteType.instance,
  smallint: ShortType.instance,
  short: ShortType.instance,
  int: IntegerType.instance,
  integer: IntegerType.instance,
  bigint: LongType.instance,
  long: LongType.instance,
  float: FloatType.instance,
  real: FloatType.instance,
  double: DoubleType.instance,
  date: DateType.instance,
  timestamp: TimestampType.instance,
  timestamp_ltz: TimestampType.instance,
  timestamp_ntz: TimestampNTZType.instance,
  binary: BinaryType.instance,
  void: NullType.instance,
  variant: VariantType.instance,
};

const INTERVAL_UNITS = new Set(["year", "month", "day", "hour", "minute", "second"]);

class DdlParser {
  private readonly tokens: Token[];
  private index = 0;

  constructor(private readonly source: string) {
    this.tokens = tokenize(source);
  }

  private get current(): Token {
    return this.tokens[this.index] as Token;
  }

  private fail(expected: string): never {
    throw typeSyntaxError(this.source, this.current.position, expected);
  }

  private isWord(word: string): boolean {
    return this.current.kind === "word" && this.current.text.toLowerCase() === word;
  }

  private acceptWord(word: string): boolean {
    if (!this.isWord(word)) return false;
    this.index++;
    return true;
  }

  private acceptSymbol(symbol: string): boolean {
    if (this.current.kind !== "symbol" || this.current.text !== symbol) return false;
    this.index++;
    return true;
  }

  private expectSymbol(symbol: string): void {
    if (!this.acceptSymbol(symbol)) this.fail(`'${symbol}'`);
  }

  private expectNumber(): number {
    if (this.current.kind !== "number") this.fail("a number");
    const value = Number(this.current.text);
    this.index++;
    return value;
  }

  expectEnd(): void {
    if (this.current.kind !== "end") this.fail("end of input");
  }

  atEnd(): boolean {
    return this.current.kind === "end";
  }

  private identifier(): string {
    const token = this.current;
    if (token.kind !== "word" && token.kind !== "quoted-identifier") this.fail("a column name");
    this.index++;
    return token.text;
  }

  /** `name [:] type [NOT NULL] [COMMENT 'text']`, comma separated, until `end` (a symbol or end of input). */
  fieldList(closing: ">" | undefined, colonAllowed: boolean): StructField[] {
    const fields: StructField[] = [];
    if (closing !== undefined && this.acceptSymbol(closing)) return fields;
    do {
      const name = this.identifier();
      if (colonAllowed) this.acceptSymbol(":");
      const type = this.dataType();
      let nullable = true;
      const metadata: Record<string, JsonValue> = {};
      for (;;) {
        if (this.acceptWord("not")) {
          if (!this.acceptWord("null")) this.fail("NULL after NOT");
          nullable = false;
        } else if (this.acceptWord("comment")) {
          if (this.current.kind !== "string") this.fail("a quoted comment");
          metadata.comment = this.current.text;
          this.index++;
        } else {
          break;
        }
      }
      fields.push(new StructField(name, type, nullable, metadata));
    } while (this.acceptSymbol(","));
    if (closing !== undefined) this.expectSymbol(closing);
    return fields;
  }

  dataType(): SparkDataType {
    const token = this.current;
    if (token.kind !== "word") this.fail("a data type");
    const name = token.text.toLowerCase();
    this.index++;
    const simple = SIMPLE_TYPES[name];
    if (simple !== undefined) return simple;
    switch (name) {
      case "string":
        return this.acceptWord("collate") ? new StringType(this.collationName()) : StringType.instance;
      case "char":
      case "character":
        return new CharType(this.lengthArgument());
      case "varchar":
        return new VarcharType(this.lengthArgument());
      case "decimal":
      case "dec":
      case "numeric":
        return this.decimalArguments();
      case "time":
        return this.acceptSymbol("(") ? this.closeAfter(new TimeType(this.expectNumber())) : new TimeType();
      case "interval":
        return this.intervalRest();
      case "array": {
        this.expectSymbol("<");
        const element = this.dataType();
        this.expectSymbol(">");
        return new ArrayType(element, true);
      }
      case "map": {
        this.expectSymbol("<");
        const key = this.dataType();
        this.expectSymbol(",");
        const value = this.dataType();
        this.expectSymbol(">");
        return new MapType(key, value, true);
      }
      case "struct":
        this.expectSymbol("<");
        return new StructType(this.fieldList(">", true));
      default:
        this.index--;
        return this.fail("a data type");
    }
  }

  private collationName(): string {
    const token = this.current;
    if (token.kind !== "word" && token.kind !== "quoted-identifier") this.fail("a collation name");
    this.index++;
    return token.text;
  }

  private closeAfter<T>(value: T): T {
    this.expectSymbol(")");
    return value;
  }

  private lengthArgument(): number {
    this.expectSymbol("(");
    return this.closeAfter(this.expectNumber());
  }

  private decimalArguments(): DecimalType {
    if (!this.acceptSymbol("(")) return new DecimalType();
    const precision = this.expectNumber();
    const scale = this.acceptSymbol(",") ? this.expectNumber() : 0;
    return this.closeAfter(new DecimalType(precision, scale));
  }

  private intervalRest(): SparkDataType {
    if (this.current.kind !== "word" || !INTERVAL_UNITS.has(this.current.text.toLowerCase())) {
      return CalendarIntervalType.instance;
    }
    const from = this.current.text;
    this.index++;
    let to: string | undefined;
    if (this.acceptWord("to")) {
      if (this.current.kind !== "word") this.fail("an interval unit after TO");
      to = this.current.text;
      this.index++;
    }
    return intervalFromFields(from, to) ?? this.fail("a valid interval field range");
  }
}

/** Parses a single data type such as `decimal(10,2)`, `array<map<string,int>>` or `struct<a:int>`. */
export function parseDataType(text: string): SparkDataType {
  const parser = new DdlParser(text);
  const type = parser.dataType();
  parser.expectEnd();
  return type;
}

/** Parses a column list (`a INT, b STRING NOT NULL`) into a struct; the empty string gives an empty struct. */
export function parseSchema(text: string): StructType {
  const parser = new DdlParser(text);
  if (parser.atEnd()) return new StructType([]);
  const fields = parser.fieldList(undefined, true);
  parser.expectEnd();
  return new StructType(fields);
}

/**
 * A column list or a single type, whichever the text is: `"a INT, b STRING"` gives a struct, `"int"` gives
 * IntegerType. The column-list reading wins when both fit; when neither does, the error of the reading that got
 * further into the text is thrown, since it points nearest to the real mistake.
 */
export function parseDDL(text: string): SparkDataType {
  try {
    return parseSchema(text);
  } catch (schemaError) {
    try {
      return parseDataType(text);
    } catch (typeError) {
      return failurePosition(typeError) > failurePosition(schemaError) ? raise(typeError) : raise(schemaError);
    }
  }
}

function failurePosition(error: unknown): number {
  return error instanceof ParseException ? Number(error.messageParameters.position ?? -1) : -1;
}

function raise(error: unknown): never {
  throw error;
}
