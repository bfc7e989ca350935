/** Geospatial ST functions. Registry data, maintained by hand (see registry/README.md). */
import type { FunctionEntryInput } from "../schema.js";
import { notInEngineYet, supported } from "../status.js";

export const geospatialFunctions: FunctionEntryInput[] = [
  {
    name: "st_asbinary",
    category: "geospatial",
    since: "4.1.0",
    description: "Well-known binary (WKB) form of a geometry or geography.",
    args: [{ name: "geo", kind: "column-or-name", tsType: "Column | string" }],
    returns: "column",
    encoding: { kind: "call", sparkName: "st_asbinary" },
    examples: [
      'st_asbinary(st_geomfromwkb(unhex(lit("0101000000000000000000F03F0000000000000040"))))',
      'st_asbinary(st_geogfromwkb(unhex(lit("0101000000000000000000F03F0000000000000040"))))',
    ],
    resultComparison: {
      compare: "none",
      reason:
        "Spark 4.1.1 rejects geospatial functions unless spark.sql.geospatial.enabled=true (off by default): UNSUPPORTED_FEATURE.GEOSPATIAL_DISABLED",
    },
    status: { spark: supported, local: notInEngineYet },
  },
  {
    name: "st_geogfromwkb",
    category: "geospatial",
    since: "4.1.0",
    description: "Geography parsed from well-known binary.",
    args: [{ name: "wkb", kind: "column-or-name", tsType: "Column | string" }],
    returns: "column",
    encoding: { kind: "call", sparkName: "st_geogfromwkb" },
    examples: ['st_geogfromwkb(unhex(lit("0101000000000000000000F03F0000000000000040")))'],
    resultComparison: {
      compare: "none",
      reason:
        "Spark 4.1.1 rejects geospatial functions unless spark.sql.geospatial.enabled=true (off by default): UNSUPPORTED_FEATURE.GEOSPATIAL_DISABLED",
    },
    status: { spark: supported, local: notInEngineYet },
  },
  {
    name: "st_geomfromwkb",
    category: "geospatial",
    since: "4.1.0",
    description: "Geometry parsed from well-known binary.",
    args: [{ name: "wkb", kind: "column-or-name", tsType: "Column | string" }],
    returns: "column",
    encoding: { kind: "call", sparkName: "st_geomfromwkb" },
    examples: ['st_geomfromwkb(unhex(lit("0101000000000000000000F03F0000000000000040")))'],
    resultComparison: {
      compare: "none",
      reason:
        "Spark 4.1.1 rejects geospatial functions unless spark.sql.geospatial.enabled=true (off by default): UNSUPPORTED_FEATURE.GEOSPATIAL_DISABLED",
    },
    status: { spark: supported, local: notInEngineYet },
  },
  {
    name: "st_setsrid",
    category: "geospatial",
    since: "4.1.0",
    description: "The geometry or geography with a new spatial reference id.",
    args: [
      { name: "geo", kind: "column-or-name", tsType: "Column | string" },
      { name: "srid", kind: "column-or-name", tsType: "Column | string | number" },
    ],
    returns: "column",
    encoding: { kind: "call", sparkName: "st_setsrid" },
    examples: [
      'st_setsrid(st_geomfromwkb(unhex(lit("0101000000000000000000F03F0000000000000040"))), 3857)',
      'st_setsrid(st_geogfromwkb(unhex(lit("0101000000000000000000F03F0000000000000040"))), 4326)',
    ],
    resultComparison: {
      compare: "none",
      reason:
        "Spark 4.1.1 rejects geospatial functions unless spark.sql.geospatial.enabled=true (off by default): UNSUPPORTED_FEATURE.GEOSPATIAL_DISABLED",
    },
    status: { spark: supported, local: notInEngineYet },
  },
  {
    name: "st_srid",
    category: "geospatial",
    since: "4.1.0",
    description: "Spatial reference id of a geometry or geography.",
    args: [{ name: "geo", kind: "column-or-name", tsType: "Column | string" }],
    returns: "column",
    encoding: { kind: "call", sparkName: "st_srid" },
    examples: [
      'st_srid(st_geomfromwkb(unhex(lit("0101000000000000000000F03F0000000000000040"))))',
      'st_srid(st_geogfromwkb(unhex(lit("0101000000000000000000F03F0000000000000040"))))',
    ],
    resultComparison: {
      compare: "none",
      reason:
        "Spark 4.1.1 rejects geospatial functions unless spark.sql.geospatial.enabled=true (off by default): UNSUPPORTED_FEATURE.GEOSPATIAL_DISABLED",
    },
    status: { spark: supported, local: notInEngineYet },
  },
];
