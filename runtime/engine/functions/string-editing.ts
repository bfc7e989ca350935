/** String building and editing: concat_ws, lpad/rpad, repeat, replace, instr, regexp_replace. */
import { implicitCast } from "../analyzer/type-coercion.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { call, type ScalarFunction } from "./function-types.js";
import { mergeValidity, valuesOf } from "./kernel-helpers.js";

const asString = (e: Expr): Expr => (T.isString(e.type) ? e : implicitCast(e, T.STRING));
const asInt = (e: Expr): Expr => (e.type.kind.case === "integer" ? e : implicitCast(e, T.INT));
const show = (name: string, args: readonly Expr[]) => `${name}(${args.map(displayOf).join(", ")})`;

/** Applies `f` row by row where every argument is non-null; `f` returning null makes the row NULL. */
function rowwise<R>(args: readonly ColumnVector[], type: T.DataType, f: (values: unknown[]) => R | null): ColumnVector {
  const n = args[0]?.length ?? 0;
  let validity = mergeValidity(args, n);
  const views = args.map((a) => valuesOf<unknown>(a));
  const out = (type.kind.case === "integer" ? new Int32Array(n) : new Array<string>(n).fill("")) as unknown as R[];
  for (let i = 0; i < n; i++) {
    if (validity !== null && validity[i] === 0) continue;
    const value = f(views.map((v) => v[i]));
    if (value === null) {
      validity ??= new Uint8Array(n).fill(1);
      validity[i] = 0;
    } else out[i] = value;
  }
  return { type, length: n, data: out as unknown as ColumnVector["data"], validity };
}

/** concat_ws skips NULL parts; only a NULL separator gives NULL. */
const concatWs: ScalarFunction = {
  resolve: (args, ctx) => {
    const [separator] = args as [Expr];
    return call("concat_ws", args.map(asString), T.STRING, show("concat_ws", args), ctx, separator.nullable);
  },
  kernel: (args, c) => {
    const [separator, ...parts] = args as [ColumnVector, ...ColumnVector[]];
    const n = separator.length;
    const out = new Array<string>(n).fill("");
    const sep = valuesOf<string>(separator);
    const views = parts.map((p) => valuesOf<string>(p));
    for (let i = 0; i < n; i++) {
      if (separator.validity !== null && separator.validity[i] === 0) continue;
      const present: string[] = [];
      parts.forEach((p, k) => {
        if (p.validity === null || p.validity[i] === 1) present.push((views[k] as ArrayLike<string>)[i] as string);
      });
      out[i] = present.join(sep[i] as string);
    }
    return {
      type: c.type,
      length: n,
      data: out,
      validity: separator.validity === null ? null : separator.validity.slice(),
    };
  },
};

function pad(name: "lpad" | "rpad"): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const [str, len, filler] = args as [Expr, Expr, Expr | undefined];
      const padding: Expr = filler ?? { kind: "literal", value: " ", type: T.STRING, nullable: false };
      return call(name, [asString(str), asInt(len), asString(padding)], T.STRING, show(name, [str, len, padding]), ctx);
    },
    kernel: (args, c) =>
      rowwise(args, c.type, ([s, n, p]) => {
        const chars = Array.from(s as string);
        const length = n as number;
        if (length <= 0) return "";
        if (chars.length >= length) return chars.slice(0, length).join("");
        const filler = Array.from(p as string);
        if (filler.length === 0) return s as string;
        const needed = length - chars.length;
        const fill = Array.from({ length: needed }, (_, i) => filler[i % filler.length]).join("");
        return name === "lpad" ? fill + (s as string) : (s as string) + fill;
      }),
  };
}

const repeat: ScalarFunction = {
  resolve: (args, ctx) => {
    const [str, times] = args as [Expr, Expr];
    return call("repeat", [asString(str), asInt(times)], T.STRING, show("repeat", args), ctx);
  },
  kernel: (args, c) => rowwise(args, c.type, ([s, n]) => (s as string).repeat(Math.max(0, n as number))),
};

const replace: ScalarFunction = {
  resolve: (args, ctx) => {
    const [str, search, replacement] = args as [Expr, Expr, Expr | undefined];
    const by: Expr = replacement ?? { kind: "literal", value: "", type: T.STRING, nullable: false };
    return call(
      "replace",
      [asString(str), asString(search), asString(by)],
      T.STRING,
      show("replace", [str, search, by]),
      ctx,
    );
  },
  kernel: (args, c) =>
    rowwise(args, c.type, ([s, f, r]) =>
      (f as string) === "" ? (s as string) : (s as string).split(f as string).join(r as string),
    ),
};

/** instr: 1-based position of the first occurrence (in characters), 0 when absent. */
const instr: ScalarFunction = {
  resolve: (args, ctx) => {
    const [str, sub] = args as [Expr, Expr];
    return call("instr", [asString(str), asString(sub)], T.INT, show("instr", args), ctx);
  },
  kernel: (args, c) =>
    rowwise(args, c.type, ([s, f]) => {
      const at = (s as string).indexOf(f as string);
      return at < 0 ? 0 : Array.from((s as string).slice(0, at)).length + 1;
    }),
};

/** Java and JavaScript regular expressions agree on the common syntax, including `$1` group references. */
const regexpReplace: ScalarFunction = {
  resolve: (args, ctx) => {
    const [str, pattern, replacement, position] = args as [Expr, Expr, Expr, Expr | undefined];
    const pos: Expr = position ?? { kind: "literal", value: 1, type: T.INT, nullable: false };
    return call(
      "regexp_replace",
      [asString(str), asString(pattern), asString(replacement), asInt(pos)],
      T.STRING,
      show("regexp_replace", [str, pattern, replacement, pos]),
      ctx,
    );
  },
  kernel: (args, c) => {
    const cache = new Map<string, RegExp>();
    return rowwise(args, c.type, ([s, p, r, pos]) => {
      let re = cache.get(p as string);
      if (re === undefined) {
        re = new RegExp(p as string, "gu");
        cache.set(p as string, re);
      }
      const chars = Array.from(s as string);
      const start = Math.max(0, (pos as number) - 1);
      return (
        chars.slice(0, start).join("") +
        chars
          .slice(start)
          .join("")
          .replace(re, r as string)
      );
    });
  },
};

export const stringEditingFunctions: Record<string, ScalarFunction> = {
  concat_ws: concatWs,
  lpad: pad("lpad"),
  rpad: pad("rpad"),
  repeat,
  replace,
  instr,
  regexp_replace: regexpReplace,
};
