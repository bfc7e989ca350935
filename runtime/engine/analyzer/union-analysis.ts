/**
 * Lining up the two inputs of UNION / INTERSECT / EXCEPT: by position or by name (optionally filling missing
 * columns with NULLs), widening each column to a common type. The result keeps the left side's names.
 */
import { AnalysisException } from "../../errors/index.js";
import { sparkError } from "../errors.js";
import type { AttributeRef, Expr, NamedExpr } from "../logical/expressions.js";
import { type LogicalPlan, outputOf, toAttribute } from "../logical/logical-plan.js";
import * as T from "../types/data-types.js";
import type { RelationAnalyzer } from "./relation-analyzer.js";
import { commonType, implicitCast } from "./type-coercion.js";

const ORDINALS = ["first", "second", "third"];

function nullOf(type: T.DataType): Expr {
  return { kind: "literal", value: null, type, nullable: true };
}

export function analyzeUnion(
  analyzer: RelationAnalyzer,
  opName: string,
  left: LogicalPlan,
  right: LogicalPlan,
  byName: boolean,
  allowMissing: boolean,
): [LogicalPlan, LogicalPlan, AttributeRef[]] {
  let leftExprs: NamedExpr[] = [...outputOf(left)];
  let rightExprs: NamedExpr[] = [...outputOf(right)];
  if (byName) {
    const rightOut = outputOf(right);
    const reordered: NamedExpr[] = [];
    for (const l of leftExprs) {
      const match = rightOut.find((r) => analyzer.sameName(r.name, l.name));
      if (match) reordered.push(match);
      else if (allowMissing) reordered.push(analyzer.exprs.alias(nullOf(l.type), l.name));
      else {
        throw sparkError(
          AnalysisException,
          "NUM_COLUMNS_MISMATCH",
          "42826",
          `The right input of ${opName} has no column ${l.name}.`,
          {
            operator: opName,
            firstNumColumns: String(leftExprs.length),
            invalidOrdinalNum: "second",
            invalidNumColumns: String(rightOut.length),
          },
        );
      }
    }
    const extra = rightOut.filter((r) => !leftExprs.some((l) => analyzer.sameName(l.name, r.name)));
    if (extra.length > 0) {
      if (!allowMissing) {
        throw sparkError(
          AnalysisException,
          "NUM_COLUMNS_MISMATCH",
          "42826",
          `The right input of ${opName} has extra columns.`,
          {
            operator: opName,
            firstNumColumns: String(leftExprs.length),
            invalidOrdinalNum: "second",
            invalidNumColumns: String(rightOut.length),
          },
        );
      }
      leftExprs = [...leftExprs, ...extra.map((r) => analyzer.exprs.alias(nullOf(r.type), r.name))];
      reordered.push(...extra);
    }
    rightExprs = reordered;
  } else if (leftExprs.length !== rightExprs.length) {
    throw sparkError(
      AnalysisException,
      "NUM_COLUMNS_MISMATCH",
      "42826",
      `${opName} needs inputs with the same number of columns: ${leftExprs.length} and ${rightExprs.length}.`,
      {
        operator: opName,
        firstNumColumns: String(leftExprs.length),
        invalidOrdinalNum: ORDINALS[1] as string,
        invalidNumColumns: String(rightExprs.length),
      },
    );
  }
  const types = leftExprs.map((l, i) => {
    const r = rightExprs[i] as NamedExpr;
    const type = commonType([l.type, r.type]);
    if (type === null) {
      throw sparkError(
        AnalysisException,
        "INCOMPATIBLE_COLUMN_TYPE",
        "42825",
        `${opName} cannot combine column ${i + 1} of types ${T.sqlTypeName(l.type)} and ${T.sqlTypeName(r.type)}.`,
        {
          operator: opName,
          columnOrdinalNumber: ORDINALS[i] ?? `${i + 1}th`,
          tableOrdinalNumber: "second",
          dataType1: T.sqlTypeName(r.type),
          dataType2: T.sqlTypeName(l.type),
          hint: "",
        },
      );
    }
    return type;
  });
  const conform = (plan: LogicalPlan, exprs: NamedExpr[]): LogicalPlan => {
    const original = outputOf(plan);
    const unchanged =
      exprs.length === original.length &&
      exprs.every(
        (e, i) => e.kind === "attr" && e.exprId === original[i]?.exprId && T.sameType(e.type, types[i] as T.DataType),
      );
    if (unchanged) return plan;
    const cast = exprs.map((e, i) =>
      T.sameType(e.type, types[i] as T.DataType)
        ? e
        : analyzer.exprs.alias(implicitCast(e.kind === "alias" ? e.child : e, types[i] as T.DataType), e.name),
    );
    return { kind: "project", child: plan, exprs: cast };
  };
  const newLeft = conform(left, leftExprs);
  const newRight = conform(right, rightExprs);
  const rightOutput = outputOf(newRight);
  const output = outputOf(newLeft).map((a, i) => ({
    ...toAttribute(a),
    qualifier: [],
    nullable: a.nullable || (rightOutput[i]?.nullable ?? true),
  }));
  return [newLeft, newRight, output];
}
