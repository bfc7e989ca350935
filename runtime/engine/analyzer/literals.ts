/** Proto literals → typed engine literals (values in the engine's column storage form). */
import type { Expression_Literal } from "../../../generated/proto/spark/connect/expressions_pb.js";
import { notSupportedLocally } from "../errors.js";
import type { Literal } from "../logical/expressions.js";
import * as T from "../types/data-types.js";

export function literalFromProto(literal: Expression_Literal): Literal {
  const lt = literal.literalType;
  const make = (value: Literal["value"], type: T.DataType): Literal => ({
    kind: "literal",
    value,
    type,
    nullable: value === null,
  });
  switch (lt.case) {
    case "null":
      return make(null, lt.value.kind.case === undefined ? T.NULL : lt.value);
    case "boolean":
      return make(lt.value, T.BOOLEAN);
    case "byte":
      return make(lt.value, T.BYTE);
    case "short":
      return make(lt.value, T.SHORT);
    case "integer":
      return make(lt.value, T.INT);
    case "long":
      return make(lt.value, T.LONG);
    case "float":
      return make(Math.fround(lt.value), T.FLOAT);
    case "double":
      return make(lt.value, T.DOUBLE);
    case "string":
      return make(lt.value, T.STRING);
    case "binary":
      return make(lt.value, T.BINARY);
    case "date":
      return make(lt.value, T.DATE);
    case "timestamp":
      return make(lt.value, T.TIMESTAMP);
    case "timestampNtz":
      return make(lt.value, T.TIMESTAMP_NTZ);
    case "decimal": {
      const text = lt.value.value.trim();
      const [whole = "0", fraction = ""] = text.replace(/^[+-]/, "").split(".");
      const scale = lt.value.scale ?? fraction.length;
      const digits = (whole + fraction.padEnd(scale, "0").slice(0, scale)).replace(/^0+(?=\d)/, "");
      const precision = Math.max(lt.value.precision ?? digits.length, scale, 1);
      const unscaled = BigInt(digits) * (text.startsWith("-") ? -1n : 1n);
      return make(unscaled, T.decimalType(precision, scale));
    }
    // Typed literals carry their field range in `dataType`; without it, the widest range (as Spark's proto reader).
    case "yearMonthInterval":
      return make(
        lt.value,
        literal.dataType?.kind.case === "yearMonthInterval" ? literal.dataType : T.yearMonthIntervalType(),
      );
    case "dayTimeInterval":
      return make(
        lt.value,
        literal.dataType?.kind.case === "dayTimeInterval" ? literal.dataType : T.dayTimeIntervalType(),
      );
    case "calendarInterval":
      return make([lt.value.months, lt.value.days, lt.value.microseconds], T.CALENDAR_INTERVAL);
    default:
      throw notSupportedLocally(`${lt.case ?? "empty"} literals`);
  }
}
