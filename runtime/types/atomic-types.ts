/**
 * Spark's parameterless types. Each is a tiny class with a shared instance (`IntegerType.instance`) so callers
 * can compare by `kind` and avoid allocating, while `new IntegerType()` still works like PySpark's `IntegerType()`.
 */
import { DataType } from "./data-type.js";

export class NullType extends DataType {
  static readonly instance = new NullType();
  readonly kind = "null" as const;
  typeName(): string {
    return "void";
  }
  simpleString(): string {
    return "void";
  }
}

export class BooleanType extends DataType {
  static readonly instance = new BooleanType();
  readonly kind = "boolean" as const;
  typeName(): string {
    return "boolean";
  }
  simpleString(): string {
    return "boolean";
  }
}

export class ByteType extends DataType {
  static readonly instance = new ByteType();
  readonly kind = "byte" as const;
  typeName(): string {
    return "byte";
  }
  simpleString(): string {
    return "tinyint";
  }
}

export class ShortType extends DataType {
  static readonly instance = new ShortType();
  readonly kind = "short" as const;
  typeName(): string {
    return "short";
  }
  simpleString(): string {
    return "smallint";
  }
}

export class IntegerType extends DataType {
  static readonly instance = new IntegerType();
  readonly kind = "integer" as const;
  typeName(): string {
    return "integer";
  }
  simpleString(): string {
    return "int";
  }
}

export class LongType extends DataType {
  static readonly instance = new LongType();
  readonly kind = "long" as const;
  typeName(): string {
    return "long";
  }
  simpleString(): string {
    return "bigint";
  }
}

export class FloatType extends DataType {
  static readonly instance = new FloatType();
  readonly kind = "float" as const;
  typeName(): string {
    return "float";
  }
  simpleString(): string {
    return "float";
  }
}

export class DoubleType extends DataType {
  static readonly instance = new DoubleType();
  readonly kind = "double" as const;
  typeName(): string {
    return "double";
  }
  simpleString(): string {
    return "double";
  }
}

export class BinaryType extends DataType {
  static readonly instance = new BinaryType();
  readonly kind = "binary" as const;
  typeName(): string {
    return "binary";
  }
  simpleString(): string {
    return "binary";
  }
}

export class DateType extends DataType {
  static readonly instance = new DateType();
  readonly kind = "date" as const;
  typeName(): string {
    return "date";
  }
  simpleString(): string {
    return "date";
  }
}

/** An instant (microseconds since the epoch), shown in the session time zone. */
export class TimestampType extends DataType {
  static readonly instance = new TimestampType();
  readonly kind = "timestamp" as const;
  typeName(): string {
    return "timestamp";
  }
  simpleString(): string {
    return "timestamp";
  }
}

/** A wall-clock date-time without a time zone (microseconds since 1970-01-01T00:00 local). */
export class TimestampNTZType extends DataType {
  static readonly instance = new TimestampNTZType();
  readonly kind = "timestamp_ntz" as const;
  typeName(): string {
    return "timestamp_ntz";
  }
  simpleString(): string {
    return "timestamp_ntz";
  }
}

/** The legacy interval of months, days and microseconds (`make_interval`, `INTERVAL '1 month 2 days'`). */
export class CalendarIntervalType extends DataType {
  static readonly instance = new CalendarIntervalType();
  readonly kind = "calendar_interval" as const;
  typeName(): string {
    return "interval";
  }
  simpleString(): string {
    return "interval";
  }
}

/** Semi-structured data (`parse_json`): a binary value plus a binary metadata dictionary. */
export class VariantType extends DataType {
  static readonly instance = new VariantType();
  readonly kind = "variant" as const;
  typeName(): string {
    return "variant";
  }
  simpleString(): string {
    return "variant";
  }
}
