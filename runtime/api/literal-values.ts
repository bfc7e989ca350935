/**
 * Proto literals the server sends back (observed metrics) as the values rows hold: longs as bigint, decimals
 * as Decimal, dates and timestamps as DateValue / TimestampValue, arrays as JS arrays — so an observed
 * `count(1)` reads the same as the `count(1)` column of a collected row.
 */
import type { Expression_Literal } from "../../generated/proto/spark/connect/expressions_pb.js";
import { DateValue, Decimal, TimestampNTZValue, TimestampValue } from "../arrow/index.js";

/** The value of `literal`; kinds rows never hold in a simpler form (intervals, maps, …) stay proto literals. */
export function valueFromLiteral(literal: Expression_Literal): unknown {
  const lt = literal.literalType;
  switch (lt.case) {
    case "null":
      return null;
    case "boolean":
    case "byte":
    case "short":
    case "integer":
    case "double":
    case "string":
    case "binary":
    case "long":
      return lt.value;
    case "float":
      return Math.fround(lt.value);
    case "decimal":
      return Decimal.parse(lt.value.value);
    case "date":
      return new DateValue(lt.value);
    case "timestamp":
      return new TimestampValue(lt.value);
    case "timestampNtz":
      return new TimestampNTZValue(lt.value);
    case "array":
      return lt.value.elements.map(valueFromLiteral);
    default:
      return literal;
  }
}
