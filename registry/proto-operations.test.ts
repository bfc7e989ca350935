/** Every oneof case of the client-facing Spark Connect messages is in the registry, mapped or excluded. */
import type { DescMessage } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import {
  AnalyzePlanRequestSchema,
  ConfigRequest_OperationSchema,
  ExecutePlanResponseSchema,
} from "../generated/proto/spark/connect/base_pb.js";
import { CatalogSchema } from "../generated/proto/spark/connect/catalog_pb.js";
import { CommandSchema } from "../generated/proto/spark/connect/commands_pb.js";
import { ExpressionSchema } from "../generated/proto/spark/connect/expressions_pb.js";
import { RelationSchema } from "../generated/proto/spark/connect/relations_pb.js";
import { loadRegistry } from "./load.js";

const MESSAGES: readonly [DescMessage, string][] = [
  [RelationSchema, "rel_type"],
  [ExpressionSchema, "expr_type"],
  [CommandSchema, "command_type"],
  [CatalogSchema, "cat_type"],
  [AnalyzePlanRequestSchema, "analyze"],
  [ConfigRequest_OperationSchema, "op_type"],
  [ExecutePlanResponseSchema, "response_type"],
];

const registry = loadRegistry();

describe("proto operations", () => {
  for (const [schema, oneofName] of MESSAGES) {
    it(`${schema.typeName}.${oneofName}: registry cases equal the descriptor's cases`, () => {
      const oneof = schema.oneofs.find((candidate) => candidate.name === oneofName);
      expect(oneof, `${schema.typeName} has no oneof ${oneofName}`).toBeDefined();
      const fromDescriptor = oneof!.fields.map((field) => field.localName).sort();
      const fromRegistry = registry.protoOperations
        .filter((op) => op.message === schema.typeName && op.oneof === oneofName)
        .map((op) => op.case)
        .sort();
      expect(fromRegistry).toEqual(fromDescriptor);
    });
  }

  it("covers only the messages above", () => {
    const known = new Set(MESSAGES.map(([schema]) => schema.typeName));
    expect(registry.protoOperations.filter((op) => !known.has(op.message))).toEqual([]);
  });

  it("maps cases only to APIs the registry knows (a builtin, or a registered class member)", () => {
    const functionNames = new Set(registry.functions.map((entry) => entry.name));
    const members = new Set(
      registry.classes.flatMap((entry) => entry.members.map((member) => `${entry.name}.${member.name}`)),
    );
    const unknown = registry.protoOperations
      .flatMap((op) => (op.disposition === "mapped" ? op.api : []))
      .filter((api) => (api.startsWith("functions.") ? !functionNames.has(api.slice(10)) : !members.has(api)));
    expect([...new Set(unknown)].sort()).toEqual([]);
  });
});
