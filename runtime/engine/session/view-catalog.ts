/** Temporary views of a session: name (case-insensitive, as Spark's default) → the Relation it stands for. */
import type { Relation } from "../../../generated/proto/spark/connect/relations_pb.js";
import { TempTableAlreadyExistsException } from "../../errors/index.js";

export class ViewCatalog {
  private readonly views = new Map<string, Relation>();

  get(name: string): Relation | undefined {
    return this.views.get(name.toLowerCase());
  }

  create(name: string, relation: Relation, replace: boolean): void {
    const key = name.toLowerCase();
    if (!replace && this.views.has(key)) {
      const relationName = `\`${name}\``;
      throw new TempTableAlreadyExistsException(
        `[TEMP_TABLE_OR_VIEW_ALREADY_EXISTS] The temporary view ${relationName} already exists. SQLSTATE: 42P07`,
        {
          errorClass: "TEMP_TABLE_OR_VIEW_ALREADY_EXISTS",
          sqlState: "42P07",
          messageParameters: { relationName },
        },
      );
    }
    this.views.set(key, relation);
  }

  /** Adds another catalog's views (a cloned session starts with its parent's temporary views). */
  copyFrom(other: ViewCatalog): void {
    for (const [name, relation] of other.views) this.views.set(name, relation);
  }

  /** View names as created (lower-cased), sorted. */
  names(): string[] {
    return [...this.views.keys()].sort();
  }

  drop(name: string): boolean {
    return this.views.delete(name.toLowerCase());
  }
}
