/**
 * Window specifications for `column.over(window)`: partitioning, ordering and an optional row or range frame.
 * Frame bounds are offsets from the current row; `Window.unboundedPreceding`, `Window.unboundedFollowing` and
 * `Window.currentRow` mark the special bounds, as in PySpark.
 */
import type { WindowApiStatic } from "../../generated/api/window.js";
import type { WindowSpecApi } from "../../generated/api/window-spec.js";
import type { Expression } from "../../generated/proto/spark/connect/expressions_pb.js";
import { Expression_Window_WindowFrame_FrameType } from "../../generated/proto/spark/connect/expressions_pb.js";
import { ClientArgumentError } from "../errors/index.js";
import { asSortOrder, type WindowFrameInit, windowExpression } from "../plan/expressions.js";
import { describeType } from "../plan/literals.js";
import { type ColumnOrName, columnOrName } from "./column-names.js";

const LONG_MIN = -(2 ** 63);
const LONG_MAX = 2 ** 63;
/** PySpark's sentinels are Python ints (`-sys.maxsize - 1`, `sys.maxsize`); bigints keep them exact. */
const UNBOUNDED_PRECEDING = -(2n ** 63n);
const UNBOUNDED_FOLLOWING = 2n ** 63n - 1n;
const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

interface Frame {
  readonly rows: boolean;
  readonly start: number;
  readonly end: number;
}

type Boundary = NonNullable<WindowFrameInit["lower"]>;

function boundary(offset: number, rows: boolean, argName: string): Boundary {
  if (offset === 0) return { boundary: { case: "currentRow", value: true } };
  if (offset <= LONG_MIN || offset >= LONG_MAX) return { boundary: { case: "unbounded", value: true } };
  if (!Number.isInteger(offset)) throw new ClientArgumentError(`${argName} must be an integer, got ${offset}.`);
  if (rows) {
    if (offset < INT_MIN || offset > INT_MAX) {
      throw new ClientArgumentError(`${argName} of a row frame must fit 32 bits, got ${offset}.`, {
        errorClass: "VALUE_NOT_BETWEEN",
      });
    }
    return {
      boundary: {
        case: "value",
        value: { exprType: { case: "literal", value: { literalType: { case: "integer", value: offset } } } },
      },
    };
  }
  const value = {
    exprType: { case: "literal" as const, value: { literalType: { case: "long" as const, value: BigInt(offset) } } },
  };
  return { boundary: { case: "value", value } };
}

function flatten(cols: ReadonlyArray<ColumnOrName | readonly ColumnOrName[]>): ColumnOrName[] {
  return cols.flatMap((c) => (Array.isArray(c) ? [...c] : [c as ColumnOrName]));
}

function requireOffset(value: unknown, argName: string): number {
  if (typeof value === "bigint") {
    if (value <= UNBOUNDED_PRECEDING) return Number.NEGATIVE_INFINITY;
    if (value >= UNBOUNDED_FOLLOWING) return Number.POSITIVE_INFINITY;
    if (value < BigInt(Number.MIN_SAFE_INTEGER) || value > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new ClientArgumentError(`${argName} must be unbounded or within ±(2^53 - 1), got ${value}.`);
    }
    return Number(value);
  }
  if (typeof value !== "number" || Number.isNaN(value)) {
    throw new ClientArgumentError(`${argName} must be a number, got ${describeType(value)}.`);
  }
  return value;
}

export class WindowSpec implements WindowSpecApi {
  constructor(
    private readonly partitionSpec: readonly Expression[] = [],
    private readonly orderSpec: readonly Expression[] = [],
    private readonly frame?: Frame,
  ) {}

  partitionBy(...cols: Array<ColumnOrName | readonly ColumnOrName[]>): WindowSpec {
    const partition = flatten(cols).map((c) => columnOrName(c, "partitionBy").expr);
    return new WindowSpec(partition, this.orderSpec, this.frame);
  }

  orderBy(...cols: Array<ColumnOrName | readonly ColumnOrName[]>): WindowSpec {
    const order = flatten(cols).map((c) => columnOrName(c, "orderBy").expr);
    return new WindowSpec(this.partitionSpec, order, this.frame);
  }

  rowsBetween(start: number | bigint, end: number | bigint): WindowSpec {
    return new WindowSpec(this.partitionSpec, this.orderSpec, {
      rows: true,
      start: requireOffset(start, "start"),
      end: requireOffset(end, "end"),
    });
  }

  rangeBetween(start: number | bigint, end: number | bigint): WindowSpec {
    return new WindowSpec(this.partitionSpec, this.orderSpec, {
      rows: false,
      start: requireOffset(start, "start"),
      end: requireOffset(end, "end"),
    });
  }

  /** The window expression evaluating `windowFunction` over this specification. */
  toExpression(windowFunction: Expression): Expression {
    const order = this.orderSpec.map(asSortOrder);
    if (this.frame === undefined) return windowExpression(windowFunction, this.partitionSpec, order);
    const { rows, start, end } = this.frame;
    return windowExpression(windowFunction, this.partitionSpec, order, {
      frameType: rows ? Expression_Window_WindowFrame_FrameType.ROW : Expression_Window_WindowFrame_FrameType.RANGE,
      lower: boundary(start, rows, "start"),
      upper: boundary(end, rows, "end"),
    });
  }
}

/** Entry points for window specifications, e.g. `Window.partitionBy("dept").orderBy(col("salary").desc())`. */
export const Window = {
  unboundedPreceding: UNBOUNDED_PRECEDING,
  unboundedFollowing: UNBOUNDED_FOLLOWING,
  currentRow: 0,
  partitionBy: (...cols: Array<ColumnOrName | readonly ColumnOrName[]>): WindowSpec =>
    new WindowSpec().partitionBy(...cols),
  orderBy: (...cols: Array<ColumnOrName | readonly ColumnOrName[]>): WindowSpec => new WindowSpec().orderBy(...cols),
  rowsBetween: (start: number | bigint, end: number | bigint): WindowSpec => new WindowSpec().rowsBetween(start, end),
  rangeBetween: (start: number | bigint, end: number | bigint): WindowSpec => new WindowSpec().rangeBetween(start, end),
} as const satisfies WindowApiStatic;
