/**
 * Parity cases for the CSV, XML, number-format and text builtins (kept in their own file and spread into
 * function-cases.ts, so parallel additions merge cleanly).
 */

import * as F from "../../../generated/functions/index.js";
import { col, lit } from "../../../runtime/api/functions.js";
import type { FunctionCase } from "./function-cases.js";

const i = () => col("i");
const s = () => col("s");

/** `<r><v>value</v></r>` around a column, as the registry's xpath examples build their documents. */
const wrapped = (name: string) => F.concat(lit("<r><v>"), col(name), lit("</v></r>"));

/** Row-wise functions, each selected over the fixture ordered by id. */
export const TEXT_FORMAT_FUNCTION_CASES: Record<string, FunctionCase> = {
  from_csv: () => [
    F.from_csv(F.concat_ws(",", i(), s(), col("dec"), col("dt")), "a INT, b STRING, c DECIMAL(10,2), d DATE"),
    F.from_csv(lit("1;x"), "a INT, b STRING", { sep: ";" }),
    F.from_csv(F.concat_ws("|", s(), col("d")), "a INT, b DOUBLE, _corrupt_record STRING", { sep: "|" }),
  ],
  schema_of_csv: () => [F.schema_of_csv("1,abc,2.5"), F.schema_of_csv("1|x|2024-01-01|true", { sep: "|" })],
  to_char: () => [
    F.to_char(col("dec"), lit("S999.99")),
    F.to_char(i(), lit("9,999PR")),
    F.to_char(col("d"), lit("$99,999,999,999.99MI")),
    F.to_char(col("dt"), lit("yyyy-MM-dd")),
    F.to_char(s().cast("binary"), lit("hex")),
  ],
  to_varchar: () => [F.to_varchar(col("dec"), lit("0000.000")), F.to_varchar(col("ts"), lit("HH:mm"))],
  to_number: () => [
    F.to_number(F.format_number(col("dec"), 2), lit("S999.99")),
    F.to_number(F.format_number(col("d"), 2), lit("S99,999,999,999.99")),
  ],
  try_to_number: () => [
    F.try_to_number(F.format_number(col("d"), 2), lit("S999.99")),
    F.try_to_number(s(), lit("999")),
  ],
  is_valid_utf8: () => [
    F.is_valid_utf8(s()),
    F.is_valid_utf8(F.unhex(lit("61FF"))),
    F.is_valid_utf8(s().cast("binary")),
  ],
  make_valid_utf8: () => [F.make_valid_utf8(s()), F.make_valid_utf8(F.unhex(lit("61EDA08062")))],
  validate_utf8: () => [F.validate_utf8(s()), F.validate_utf8(F.concat(s(), lit("!")).cast("binary"))],
  try_validate_utf8: () => [F.try_validate_utf8(s()), F.try_validate_utf8(F.unhex(lit("C0AF")))],
  xpath: () => [
    F.xpath(F.concat(lit('<r><v n="'), s(), lit('"/><v n="'), i(), lit('"/></r>')), lit("/r/v/@n")),
    F.xpath(wrapped("s"), lit("//v/text()")),
  ],
  xpath_boolean: () => [F.xpath_boolean(wrapped("i"), lit("/r/v > 0")), F.xpath_boolean(wrapped("s"), lit("r/w"))],
  xpath_double: () => [F.xpath_double(wrapped("d"), lit("/r/v")), F.xpath_double(wrapped("i"), lit("sum(//v) + 1"))],
  xpath_float: () => [F.xpath_float(wrapped("d"), lit("/r/v * 2"))],
  xpath_int: () => [F.xpath_int(wrapped("i"), lit("/r/v")), F.xpath_int(wrapped("d"), lit("/r/v"))],
  xpath_long: () => [F.xpath_long(wrapped("i"), lit("/r/v")), F.xpath_long(wrapped("dec"), lit("r/v"))],
  xpath_number: () => [F.xpath_number(wrapped("dec"), lit("/r/v")), F.xpath_number(wrapped("s"), lit("count(/r/v)"))],
  xpath_short: () => [F.xpath_short(wrapped("i"), lit("/r/v"))],
  xpath_string: () => [F.xpath_string(wrapped("s"), lit("/r/v")), F.xpath_string(wrapped("dt"), lit("name(/r/*)"))],
  // A random IV makes each encryption differ, so those compare by round trip; a given IV compares exactly.
  aes_encrypt: () => [
    F.aes_encrypt(s(), lit("0123456789abcdef"), lit("ECB")),
    F.aes_encrypt(
      s(),
      lit("0123456789abcdef"),
      lit("CBC"),
      lit("PKCS"),
      F.unhex(lit("000102030405060708090A0B0C0D0E0F")),
    ),
    F.aes_encrypt(
      s(),
      lit("0123456789abcdef"),
      lit("GCM"),
      lit("DEFAULT"),
      F.unhex(lit("000102030405060708090A0B")),
      lit("aad"),
    ),
    F.octet_length(F.aes_encrypt(s(), lit("0123456789abcdef"))),
  ],
  aes_decrypt: () => [
    F.aes_decrypt(F.aes_encrypt(s(), lit("0123456789abcdef")), lit("0123456789abcdef")),
    F.aes_decrypt(F.aes_encrypt(s(), lit("0123456789abcdef"), lit("CBC")), lit("0123456789abcdef"), lit("CBC")),
  ],
  try_aes_decrypt: () => [
    F.try_aes_decrypt(F.aes_encrypt(s(), lit("0123456789abcdef")), lit("0123456789abcdef")),
    F.try_aes_decrypt(s().cast("binary"), lit("0123456789abcdef")),
  ],
  sentences: () => [
    F.sentences(F.concat(s(), lit(" is here. Next one? yes, e.g. 3.5% "), s())),
    F.sentences(lit("Hi there! How are you?"), lit("en"), lit("US")),
  ],
  to_csv: () => [
    F.to_csv(F.struct(i(), s(), col("dt"), col("ts"), col("d"), col("dec"))),
    F.to_csv(F.struct(s(), col("padded"), i()), { sep: ";", nullValue: "NA" }),
  ],
};
