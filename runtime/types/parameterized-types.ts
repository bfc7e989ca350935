/**
 * Spark's types that carry parameters: decimal precision/scale, string collation, char/varchar length, TIME
 * precision and the field ranges of the ANSI interval types.
 */
import { DataType, type JsonValue } from "./data-type.js";
import { invalidType } from "./type-errors.js";

export const MAX_DECIMAL_PRECISION = 38;

export class DecimalType extends DataType {
  readonly kind = "decimal" as const;
  constructor(
    readonly precision = 10,
    readonly scale = 0,
  ) {
    super();
    if (!Number.isInteger(precision) || precision < 1 || precision > MAX_DECIMAL_PRECISION) {
      throw invalidType(
        `Decimal precision ${precision} exceeds max precision ${MAX_DECIMAL_PRECISION} or is below 1.`,
        "DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION",
        { precision: String(precision), maxPrecision: String(MAX_DECIMAL_PRECISION) },
      );
    }
    if (!Number.isInteger(scale) || scale < 0 || scale > precision) {
      throw invalidType(
        `Decimal scale (${scale}) must be between 0 and precision (${precision}).`,
        "INVALID_DECIMAL_SCALE",
        {
          scale: String(scale),
          precision: String(precision),
        },
      );
    }
  }
  typeName(): string {
    return "decimal";
  }
  simpleString(): string {
    return `decimal(${this.precision},${this.scale})`;
  }
  override jsonValue(): JsonValue {
    return this.simpleString();
  }
  override toString(): string {
    return `DecimalType(${this.precision},${this.scale})`;
  }
}

export const DEFAULT_COLLATION = "UTF8_BINARY";

/** Collations implemented by Spark itself; every other name (UNICODE, en_CI, ...) comes from ICU. */
const SPARK_COLLATIONS = new Set(["UTF8_BINARY", "UTF8_LCASE"]);

export class StringType extends DataType {
  static readonly instance = new StringType();
  readonly kind = "string" as const;
  readonly collation: string;
  constructor(collation: string = DEFAULT_COLLATION) {
    super();
    const upper = collation.toUpperCase();
    this.collation = SPARK_COLLATIONS.has(upper) ? upper : collation;
  }
  get isDefaultCollation(): boolean {
    return this.collation === DEFAULT_COLLATION;
  }
  /** The provider-qualified name Spark writes in a struct field's `__COLLATIONS` metadata. */
  get qualifiedCollation(): string {
    return `${SPARK_COLLATIONS.has(this.collation) ? "spark" : "icu"}.${this.collation}`;
  }
  typeName(): string {
    return "string";
  }
  simpleString(): string {
    return this.isDefaultCollation ? "string" : `string collate ${this.collation}`;
  }
  override jsonValue(): JsonValue {
    return this.simpleString();
  }
  override sql(): string {
    return this.isDefaultCollation ? "STRING" : `STRING COLLATE ${this.collation}`;
  }
  override toString(): string {
    return this.isDefaultCollation ? "StringType()" : `StringType('${this.collation}')`;
  }
}

function checkLength(name: string, length: number): void {
  if (!Number.isInteger(length) || length < 0) {
    throw invalidType(`${name} length must be a non-negative integer, got ${length}.`, "INVALID_CHAR_LENGTH", {
      length: String(length),
    });
  }
}

/** Fixed-length string; Spark pads with spaces and reads it back as a plain string column. */
export class CharType extends DataType {
  readonly kind = "char" as const;
  constructor(readonly length: number) {
    super();
    checkLength("char", length);
  }
  typeName(): string {
    return "char";
  }
  simpleString(): string {
    return `char(${this.length})`;
  }
  override jsonValue(): JsonValue {
    return this.simpleString();
  }
  override toString(): string {
    return `CharType(${this.length})`;
  }
}

export class VarcharType extends DataType {
  readonly kind = "varchar" as const;
  constructor(readonly length: number) {
    super();
    checkLength("varchar", length);
  }
  typeName(): string {
    return "varchar";
  }
  simpleString(): string {
    return `varchar(${this.length})`;
  }
  override jsonValue(): JsonValue {
    return this.simpleString();
  }
  override toString(): string {
    return `VarcharType(${this.length})`;
  }
}

export const DEFAULT_TIME_PRECISION = 6;

/** Time of day without a date; precision is the number of fractional-second digits (0..6). */
export class TimeType extends DataType {
  readonly kind = "time" as const;
  constructor(readonly precision: number = DEFAULT_TIME_PRECISION) {
    super();
    if (!Number.isInteger(precision) || precision < 0 || precision > 6) {
      throw invalidType(`The TIME precision ${precision} is out of range [0, 6].`, "UNSUPPORTED_TIME_PRECISION", {
        precision: String(precision),
      });
    }
  }
  typeName(): string {
    return "time";
  }
  simpleString(): string {
    return `time(${this.precision})`;
  }
  override jsonValue(): JsonValue {
    return this.simpleString();
  }
  override toString(): string {
    return `TimeType(${this.precision})`;
  }
}

export const YEAR_MONTH_FIELDS = ["year", "month"] as const;
export const DAY_TIME_FIELDS = ["day", "hour", "minute", "second"] as const;

function intervalName(fields: readonly string[], start: number, end: number): string {
  const from = fields[start];
  const to = fields[end];
  return start === end ? `interval ${from}` : `interval ${from} to ${to}`;
}

function checkFields(kind: string, fields: readonly string[], start: number, end: number): void {
  const valid = (f: number) => Number.isInteger(f) && f >= 0 && f < fields.length;
  if (!valid(start) || !valid(end) || start > end) {
    throw invalidType(`Invalid ${kind} interval fields (${start}, ${end}).`, "INVALID_INTERVAL_FIELDS", {
      startField: String(start),
      endField: String(end),
    });
  }
}

/** ANSI year-month interval; `startField`/`endField` index YEAR (0) and MONTH (1). Values are months. */
export class YearMonthIntervalType extends DataType {
  static readonly YEAR = 0;
  static readonly MONTH = 1;
  readonly kind = "year_month_interval" as const;
  constructor(
    readonly startField = 0,
    readonly endField = 1,
  ) {
    super();
    checkFields("year-month", YEAR_MONTH_FIELDS, startField, endField);
  }
  typeName(): string {
    return "yearmonthinterval";
  }
  simpleString(): string {
    return intervalName(YEAR_MONTH_FIELDS, this.startField, this.endField);
  }
  override jsonValue(): JsonValue {
    return this.simpleString();
  }
  override toString(): string {
    return `YearMonthIntervalType(${this.startField}, ${this.endField})`;
  }
}

/** ANSI day-time interval; fields index DAY (0), HOUR (1), MINUTE (2), SECOND (3). Values are microseconds. */
export class DayTimeIntervalType extends DataType {
  static readonly DAY = 0;
  static readonly HOUR = 1;
  static readonly MINUTE = 2;
  static readonly SECOND = 3;
  readonly kind = "day_time_interval" as const;
  constructor(
    readonly startField = 0,
    readonly endField = 3,
  ) {
    super();
    checkFields("day-time", DAY_TIME_FIELDS, startField, endField);
  }
  typeName(): string {
    return "daytimeinterval";
  }
  simpleString(): string {
    return intervalName(DAY_TIME_FIELDS, this.startField, this.endField);
  }
  override jsonValue(): JsonValue {
    return this.simpleString();
  }
  override toString(): string {
    return `DayTimeIntervalType(${this.startField}, ${this.endField})`;
  }
}
