/**
 * Plan ids tag every relation a DataFrame builds (`Relation.common.plan_id`). Columns taken from a DataFrame
 * (`df.col("x")`) carry the id of its relation, which is how the server tells `a.id` from `b.id` in a self-join.
 * PySpark hands them out from a counter as each plan node is made, children before parents; we do the same, one
 * counter per session, so that our plans line up with PySpark's once ids are normalised.
 */
export class PlanIdGenerator {
  private nextId = 0n;

  /** The next unused id. */
  fresh(): bigint {
    const id = this.nextId;
    this.nextId += 1n;
    return id;
  }

  /** How many ids were handed out so far (handy for tests). */
  get issued(): bigint {
    return this.nextId;
  }
}
