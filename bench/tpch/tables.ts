/**
 * TPC-H-shaped tables at a scale factor: the spec's row counts, key relationships (4 suppliers per part, sparse
 * order keys, 1–7 lines per order, customers with no orders), value ranges and text vocabularies, from a fixed
 * seed. It is not dbgen (text columns are simpler), so answers differ from published TPC-H results.
 */
import type { Table } from "apache-arrow";
import {
  type ColumnBuilder,
  dateColumn,
  decimalColumn,
  int32Column,
  int64Column,
  stringColumn,
  tableOf,
} from "./arrow-columns.js";
import { Random } from "./random.js";
import * as V from "./vocabulary.js";

const DAY = 86_400_000;
const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY;
const START_DATE = day("1992-01-01");
const END_DATE = day("1998-12-31");
const CURRENT_DATE = day("1995-06-17");

const pad = (n: number, width: number): string => String(n).padStart(width, "0");
const phone = (rng: Random, nation: number): string =>
  `${nation + 10}-${rng.int(100, 999)}-${rng.int(100, 999)}-${rng.int(1000, 9999)}`;

export interface TpchTables {
  readonly [name: string]: Table;
}

function region(rng: Random): Table {
  return tableOf([
    int64Column(
      "r_regionkey",
      BigInt64Array.from(V.REGIONS, (_, i) => BigInt(i)),
    ),
    stringColumn("r_name", [...V.REGIONS]),
    stringColumn(
      "r_comment",
      V.REGIONS.map(() => rng.text(V.WORDS, 4, 10)),
    ),
  ]);
}

function nation(rng: Random): Table {
  return tableOf([
    int64Column(
      "n_nationkey",
      BigInt64Array.from(V.NATIONS, (_, i) => BigInt(i)),
    ),
    stringColumn(
      "n_name",
      V.NATIONS.map(([name]) => name),
    ),
    int64Column(
      "n_regionkey",
      BigInt64Array.from(V.NATIONS, ([, r]) => BigInt(r)),
    ),
    stringColumn(
      "n_comment",
      V.NATIONS.map(() => rng.text(V.WORDS, 4, 10)),
    ),
  ]);
}

function supplier(rng: Random, count: number): Table {
  const nations = new Int32Array(count).map(() => rng.int(0, 24));
  const comments = Array.from({ length: count }, (_, i) =>
    // About 5 per 10 000 suppliers carry the complaint text query 16 excludes.
    i % 2000 === 7 ? `${rng.text(V.WORDS, 1, 3)} Customer ${rng.pick(V.WORDS)} Complaints` : rng.text(V.WORDS, 4, 12),
  );
  return tableOf([
    int64Column(
      "s_suppkey",
      BigInt64Array.from({ length: count }, (_, i) => BigInt(i + 1)),
    ),
    stringColumn(
      "s_name",
      Array.from({ length: count }, (_, i) => `Supplier#${pad(i + 1, 9)}`),
    ),
    stringColumn(
      "s_address",
      Array.from({ length: count }, () => rng.text(V.WORDS, 1, 3)),
    ),
    int64Column(
      "s_nationkey",
      BigInt64Array.from(nations, (n) => BigInt(n)),
    ),
    stringColumn(
      "s_phone",
      Array.from(nations, (n) => phone(rng, n)),
    ),
    decimalColumn(
      "s_acctbal",
      new Float64Array(count).map(() => rng.int(-99_999, 999_999)),
    ),
    stringColumn("s_comment", comments),
  ]);
}

export function retailPriceCents(partKey: number): number {
  return 90_000 + (Math.floor(partKey / 10) % 20_001) + 100 * (partKey % 1000);
}

function part(rng: Random, count: number): Table {
  const brands: string[] = [];
  const mfgrs: string[] = [];
  for (let i = 0; i < count; i++) {
    const m = rng.int(1, 5);
    mfgrs.push(`Manufacturer#${m}`);
    brands.push(`Brand#${m}${rng.int(1, 5)}`);
  }
  return tableOf([
    int64Column(
      "p_partkey",
      BigInt64Array.from({ length: count }, (_, i) => BigInt(i + 1)),
    ),
    stringColumn(
      "p_name",
      Array.from({ length: count }, () => rng.text(V.COLORS, 5, 5)),
    ),
    stringColumn("p_mfgr", mfgrs),
    stringColumn("p_brand", brands),
    stringColumn(
      "p_type",
      Array.from({ length: count }, () =>
        [rng.pick(V.TYPE_SIZES), rng.pick(V.TYPE_FINISHES), rng.pick(V.TYPE_METALS)].join(" "),
      ),
    ),
    int32Column(
      "p_size",
      new Int32Array(count).map(() => rng.int(1, 50)),
    ),
    stringColumn(
      "p_container",
      Array.from({ length: count }, () => `${rng.pick(V.CONTAINER_SIZES)} ${rng.pick(V.CONTAINER_KINDS)}`),
    ),
    decimalColumn(
      "p_retailprice",
      Float64Array.from({ length: count }, (_, i) => retailPriceCents(i + 1)),
    ),
    stringColumn(
      "p_comment",
      Array.from({ length: count }, () => rng.text(V.WORDS, 2, 5)),
    ),
  ]);
}

/** The spec's formula: the i-th (0..3) supplier of a part. */
export function partSupplier(partKey: number, i: number, suppliers: number): number {
  return ((partKey + i * (Math.floor(suppliers / 4) + Math.floor((partKey - 1) / suppliers))) % suppliers) + 1;
}

function partsupp(rng: Random, parts: number, suppliers: number): Table {
  const n = parts * 4;
  const partKeys = new BigInt64Array(n);
  const suppKeys = new BigInt64Array(n);
  for (let p = 1, k = 0; p <= parts; p++) {
    for (let i = 0; i < 4; i++, k++) {
      partKeys[k] = BigInt(p);
      suppKeys[k] = BigInt(partSupplier(p, i, suppliers));
    }
  }
  return tableOf([
    int64Column("ps_partkey", partKeys),
    int64Column("ps_suppkey", suppKeys),
    int32Column(
      "ps_availqty",
      new Int32Array(n).map(() => rng.int(1, 9999)),
    ),
    decimalColumn(
      "ps_supplycost",
      new Float64Array(n).map(() => rng.int(100, 100_000)),
    ),
    stringColumn(
      "ps_comment",
      Array.from({ length: n }, () => rng.text(V.WORDS, 4, 12)),
    ),
  ]);
}

function customer(rng: Random, count: number): Table {
  const nations = new Int32Array(count).map(() => rng.int(0, 24));
  return tableOf([
    int64Column(
      "c_custkey",
      BigInt64Array.from({ length: count }, (_, i) => BigInt(i + 1)),
    ),
    stringColumn(
      "c_name",
      Array.from({ length: count }, (_, i) => `Customer#${pad(i + 1, 9)}`),
    ),
    stringColumn(
      "c_address",
      Array.from({ length: count }, () => rng.text(V.WORDS, 1, 3)),
    ),
    int64Column(
      "c_nationkey",
      BigInt64Array.from(nations, (n) => BigInt(n)),
    ),
    stringColumn(
      "c_phone",
      Array.from(nations, (n) => phone(rng, n)),
    ),
    decimalColumn(
      "c_acctbal",
      new Float64Array(count).map(() => rng.int(-99_999, 999_999)),
    ),
    stringColumn(
      "c_mktsegment",
      Array.from({ length: count }, () => rng.pick(V.SEGMENTS)),
    ),
    stringColumn(
      "c_comment",
      Array.from({ length: count }, () => rng.text(V.WORDS, 4, 12)),
    ),
  ]);
}

/** Orders and their lines together, since order status and total price come from the lines. */
function ordersAndLines(
  rng: Random,
  orders: number,
  customers: number,
  parts: number,
  suppliers: number,
): [Table, Table] {
  const o = {
    key: new BigInt64Array(orders),
    cust: new BigInt64Array(orders),
    status: new Array<string>(orders),
    total: new Float64Array(orders),
    date: new Int32Array(orders),
    priority: new Array<string>(orders),
    clerk: new Array<string>(orders),
    comment: new Array<string>(orders),
  };
  const cols = {
    orderkey: [] as number[],
    partkey: [] as number[],
    suppkey: [] as number[],
    line: [] as number[],
    qty: [] as number[],
    price: [] as number[],
    disc: [] as number[],
    tax: [] as number[],
    flag: [] as string[],
    status: [] as string[],
    ship: [] as number[],
    commit: [] as number[],
    receipt: [] as number[],
    instruct: [] as string[],
    mode: [] as string[],
    comment: [] as string[],
  };
  const clerks = Math.max(1, Math.floor((orders / 1_500_000) * 1000));
  for (let i = 0; i < orders; i++) {
    // Sparse keys: 8 used out of every 32, as in dbgen.
    const key = Math.floor(i / 8) * 32 + (i % 8) + 1;
    let cust = rng.int(1, customers);
    while (cust % 3 === 0) cust = rng.int(1, customers);
    const date = rng.int(START_DATE, END_DATE - 151);
    const lines = rng.int(1, 7);
    let total = 0;
    let finished = 0;
    for (let n = 1; n <= lines; n++) {
      const partKey = rng.int(1, parts);
      const qty = rng.int(1, 50);
      const price = qty * retailPriceCents(partKey);
      const disc = rng.int(0, 10);
      const tax = rng.int(0, 8);
      const ship = date + rng.int(1, 121);
      const receipt = ship + rng.int(1, 30);
      cols.orderkey.push(key);
      cols.partkey.push(partKey);
      cols.suppkey.push(partSupplier(partKey, rng.int(0, 3), suppliers));
      cols.line.push(n);
      cols.qty.push(qty * 100);
      cols.price.push(price);
      cols.disc.push(disc);
      cols.tax.push(tax);
      cols.flag.push(receipt <= CURRENT_DATE ? rng.pick(["R", "A"]) : "N");
      const status = ship > CURRENT_DATE ? "O" : "F";
      if (status === "F") finished++;
      cols.status.push(status);
      cols.ship.push(ship);
      cols.commit.push(date + rng.int(30, 90));
      cols.receipt.push(receipt);
      cols.instruct.push(rng.pick(V.INSTRUCTIONS));
      cols.mode.push(rng.pick(V.SHIP_MODES));
      cols.comment.push(rng.text(V.WORDS, 2, 6));
      total += (price * (100 - disc) * (100 + tax)) / 10_000;
    }
    o.key[i] = BigInt(key);
    o.cust[i] = BigInt(cust);
    o.status[i] = finished === lines ? "F" : finished === 0 ? "O" : "P";
    o.total[i] = Math.round(total);
    o.date[i] = date;
    o.priority[i] = rng.pick(V.PRIORITIES);
    o.clerk[i] = `Clerk#${pad(rng.int(1, clerks), 9)}`;
    o.comment[i] =
      rng.next() < 0.01 ? `${rng.pick(V.WORDS)} special ${rng.pick(V.WORDS)} requests` : rng.text(V.WORDS, 3, 9);
  }
  const ordersTable = tableOf([
    int64Column("o_orderkey", o.key),
    int64Column("o_custkey", o.cust),
    stringColumn("o_orderstatus", o.status),
    decimalColumn("o_totalprice", o.total),
    dateColumn("o_orderdate", o.date),
    stringColumn("o_orderpriority", o.priority),
    stringColumn("o_clerk", o.clerk),
    int32Column("o_shippriority", new Int32Array(orders)),
    stringColumn("o_comment", o.comment),
  ]);
  const big = (xs: number[]) => BigInt64Array.from(xs, (x) => BigInt(x));
  const lineitem: ColumnBuilder[] = [
    int64Column("l_orderkey", big(cols.orderkey)),
    int64Column("l_partkey", big(cols.partkey)),
    int64Column("l_suppkey", big(cols.suppkey)),
    int32Column("l_linenumber", Int32Array.from(cols.line)),
    decimalColumn("l_quantity", Float64Array.from(cols.qty)),
    decimalColumn("l_extendedprice", Float64Array.from(cols.price)),
    decimalColumn("l_discount", Float64Array.from(cols.disc)),
    decimalColumn("l_tax", Float64Array.from(cols.tax)),
    stringColumn("l_returnflag", cols.flag),
    stringColumn("l_linestatus", cols.status),
    dateColumn("l_shipdate", Int32Array.from(cols.ship)),
    dateColumn("l_commitdate", Int32Array.from(cols.commit)),
    dateColumn("l_receiptdate", Int32Array.from(cols.receipt)),
    stringColumn("l_shipinstruct", cols.instruct),
    stringColumn("l_shipmode", cols.mode),
    stringColumn("l_comment", cols.comment),
  ];
  return [ordersTable, tableOf(lineitem)];
}

/** All eight tables at scale factor `sf` (0.1 → 600 k lineitem rows), from `seed`. */
export function generateTables(sf: number, seed = 20_260_101): TpchTables {
  const rng = new Random(seed);
  const suppliers = Math.max(1, Math.round(10_000 * sf));
  const parts = Math.max(1, Math.round(200_000 * sf));
  const customers = Math.max(1, Math.round(150_000 * sf));
  const orderCount = Math.max(1, Math.round(1_500_000 * sf));
  const [orders, lineitem] = ordersAndLines(rng, orderCount, customers, parts, suppliers);
  return {
    region: region(rng),
    nation: nation(rng),
    supplier: supplier(rng, suppliers),
    part: part(rng, parts),
    partsupp: partsupp(rng, parts, suppliers),
    customer: customer(rng, customers),
    orders,
    lineitem,
  };
}
