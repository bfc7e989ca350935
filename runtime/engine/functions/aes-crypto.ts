/**
 * aes_encrypt / aes_decrypt / try_aes_decrypt with node:crypto, in Spark 4.1's formats: GCM (the default; a
 * 12-byte IV, then the ciphertext, then the 16-byte tag; optional AAD), CBC (PKCS padding; a 16-byte IV, then
 * the ciphertext) and ECB (PKCS padding; the ciphertext alone). A missing IV is random per row; keys are 16, 24
 * or 32 bytes. Bad keys, IVs, mode/padding pairs and failed decryptions raise Spark's error classes
 * (try_aes_decrypt gives NULL for a failed decryption).
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { SparkRuntimeException } from "../../errors/index.js";
import { implicitCast } from "../analyzer/type-coercion.js";
import { type ColumnVector, columnFromScalars, getScalar, type Scalar } from "../columnar/column-vector.js";
import { sparkError } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr, Literal } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { call, type ScalarFunction } from "./function-types.js";

type Mode = "GCM" | "CBC" | "ECB";

const BOTH = "`aes_encrypt`/`aes_decrypt`";

function aesError(errorClass: string, sqlState: string, text: string, params: Record<string, string>): Error {
  return sparkError(SparkRuntimeException, errorClass, sqlState, text, params);
}

function checkedMode(mode: string, padding: string): Mode {
  const m = mode.toUpperCase();
  const p = padding.toUpperCase();
  const ok =
    ((m === "ECB" || m === "CBC") && (p === "PKCS" || p === "DEFAULT")) ||
    (m === "GCM" && (p === "NONE" || p === "DEFAULT"));
  if (!ok) {
    throw aesError(
      "UNSUPPORTED_FEATURE.AES_MODE",
      "0A000",
      `The feature is not supported: AES-${mode} with the padding ${padding} by the ${BOTH} function.`,
      { mode, padding, functionName: BOTH },
    );
  }
  return m as Mode;
}

function cipherName(key: Uint8Array, mode: Mode): string {
  if (key.length !== 16 && key.length !== 24 && key.length !== 32) {
    throw aesError(
      "INVALID_PARAMETER_VALUE.AES_KEY_LENGTH",
      "22023",
      `The value of parameter(s) \`key\` in ${BOTH} is invalid: expects a binary value with 16, 24 or 32 bytes, but got ${key.length} bytes.`,
      { parameter: "`key`", functionName: BOTH, actualLength: String(key.length) },
    );
  }
  return `aes-${key.length * 8}-${mode.toLowerCase()}`;
}

function unsupportedFor(feature: "IV" | "AAD", mode: Mode): Error {
  const subClass = feature === "IV" ? "AES_MODE_IV" : "AES_MODE_AAD";
  const what = feature === "IV" ? "initialization vectors (IVs)" : "additional authenticate data (AAD)";
  return aesError(
    `UNSUPPORTED_FEATURE.${subClass}`,
    "0A000",
    `The feature is not supported: \`aes_encrypt\` with AES-${mode} does not support ${what}.`,
    { mode, functionName: "`aes_encrypt`" },
  );
}

const IV_LENGTH: Record<Mode, number> = { GCM: 12, CBC: 16, ECB: 0 };
const TAG_LENGTH = 16;

export function aesEncrypt(
  input: Uint8Array,
  key: Uint8Array,
  mode: Mode,
  iv: Uint8Array,
  aad: Uint8Array,
): Uint8Array {
  const name = cipherName(key, mode);
  if (mode === "ECB" && iv.length > 0) throw unsupportedFor("IV", mode);
  if (mode !== "GCM" && aad.length > 0) throw unsupportedFor("AAD", mode);
  if (iv.length > 0 && iv.length !== IV_LENGTH[mode]) {
    throw aesError(
      "INVALID_PARAMETER_VALUE.AES_IV_LENGTH",
      "22023",
      `The value of parameter(s) \`iv\` in ${BOTH} is invalid: supports 16-byte CBC IVs and 12-byte GCM IVs, but got ${iv.length} bytes for ${mode}.`,
      { parameter: "`iv`", functionName: BOTH, mode, actualLength: String(iv.length) },
    );
  }
  const vector = mode === "ECB" ? null : iv.length > 0 ? iv : randomBytes(IV_LENGTH[mode]);
  const cipher = createCipheriv(name, key, vector);
  if (mode === "GCM" && aad.length > 0)
    (cipher as ReturnType<typeof createCipheriv> & { setAAD(b: Uint8Array): void }).setAAD(aad);
  const body = Buffer.concat([cipher.update(input), cipher.final()]);
  const tag = mode === "GCM" ? (cipher as unknown as { getAuthTag(): Buffer }).getAuthTag() : Buffer.alloc(0);
  return new Uint8Array(Buffer.concat([vector ?? Buffer.alloc(0), body, tag]));
}

function cryptoError(detailMessage: string): Error {
  return aesError(
    "INVALID_PARAMETER_VALUE.AES_CRYPTO_ERROR",
    "22023",
    `The value of parameter(s) \`expr\`, \`key\` in ${BOTH} is invalid: detail message: ${detailMessage}`,
    { parameter: "`expr`, `key`", functionName: BOTH, detailMessage },
  );
}

export function aesDecrypt(input: Uint8Array, key: Uint8Array, mode: Mode, aad: Uint8Array): Uint8Array {
  const name = cipherName(key, mode);
  if (mode !== "GCM" && aad.length > 0) throw unsupportedFor("AAD", mode);
  const ivLength = IV_LENGTH[mode];
  const tagLength = mode === "GCM" ? TAG_LENGTH : 0;
  if (input.length < ivLength + tagLength) throw cryptoError("Invalid buffer arguments");
  try {
    const iv = mode === "ECB" ? null : input.subarray(0, ivLength);
    const decipher = createDecipheriv(name, key, iv);
    if (mode === "GCM") {
      const withTag = decipher as unknown as { setAuthTag(b: Uint8Array): void; setAAD(b: Uint8Array): void };
      withTag.setAuthTag(input.subarray(input.length - tagLength));
      if (aad.length > 0) withTag.setAAD(aad);
    }
    const body = input.subarray(ivLength, input.length - tagLength);
    return new Uint8Array(Buffer.concat([decipher.update(body), decipher.final()]));
  } catch (error) {
    throw cryptoError(error instanceof Error ? error.message : String(error));
  }
}

const text = (value: string): Literal => ({ kind: "literal", value, type: T.STRING, nullable: false });
const asBinary = (e: Expr): Expr => (e.type.kind.case === "binary" ? e : implicitCast(e, T.BINARY));
const asString = (e: Expr): Expr => (T.isString(e.type) ? e : implicitCast(e, T.STRING));

/** Arguments with Spark's defaults filled in (they show in the column name): mode, padding, then iv / aad. */
function withDefaults(args: readonly Expr[], total: number): Expr[] {
  const defaults: Expr[] = [text("GCM"), text("DEFAULT"), text(""), text("")];
  const filled = [...args];
  while (filled.length < total) filled.push(defaults[filled.length - 2] as Expr);
  return filled;
}

function rows(args: readonly ColumnVector[], f: (values: Scalar[]) => Scalar): Scalar[] {
  const length = args[0]?.length ?? 0;
  const out: Scalar[] = [];
  for (let row = 0; row < length; row++) {
    const values = args.map((a) => getScalar(a, row));
    out.push(values.some((v) => v === null) ? null : f(values));
  }
  return out;
}

const bytes = (v: Scalar | undefined): Uint8Array =>
  typeof v === "string" ? Buffer.from(v, "utf8") : (v as Uint8Array);

const aesEncryptFunction: ScalarFunction = {
  resolve: (args, ctx) => {
    const all = withDefaults(args, 6);
    const [input, key, mode, padding, iv, aad] = all as [Expr, Expr, Expr, Expr, Expr, Expr];
    const typed = [asBinary(input), asBinary(key), asString(mode), asString(padding), asBinary(iv), asBinary(aad)];
    const display = `aes_encrypt(${all.map(displayOf).join(", ")})`;
    return call("aes_encrypt", typed, T.BINARY, display, ctx, true);
  },
  kernel: (args, c) =>
    columnFromScalars(
      c.type,
      rows(args, ([input, key, mode, padding, iv, aad]) =>
        aesEncrypt(bytes(input), bytes(key), checkedMode(mode as string, padding as string), bytes(iv), bytes(aad)),
      ),
    ),
};

function aesDecryptFunction(name: string, lenient: boolean): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const all = withDefaults(args, 5);
      const [input, key, mode, padding, aad] = all as [Expr, Expr, Expr, Expr, Expr];
      const typed = [asBinary(input), asBinary(key), asString(mode), asString(padding), asBinary(aad)];
      return call(name, typed, T.BINARY, `${name}(${all.map(displayOf).join(", ")})`, ctx, true);
    },
    kernel: (args, c) =>
      columnFromScalars(
        c.type,
        rows(args, ([input, key, mode, padding, aad]) => {
          const checked = checkedMode(mode as string, padding as string);
          try {
            return aesDecrypt(bytes(input), bytes(key), checked, bytes(aad));
          } catch (error) {
            if (lenient) return null;
            throw error;
          }
        }),
      ),
  };
}

export const aesFunctions: Record<string, ScalarFunction> = {
  aes_encrypt: aesEncryptFunction,
  aes_decrypt: aesDecryptFunction("aes_decrypt", false),
  try_aes_decrypt: aesDecryptFunction("try_aes_decrypt", true),
};
