/**
 * Relations the engine's SQL front end hands its analyzer that Connect has no message for, carried in
 * `Relation.extension`. No client sends these: they never leave the process.
 */

/**
 * SQL's PIVOT clause: a serialised Aggregate (group type PIVOT) whose grouping columns are implicit, every input
 * column neither pivoted nor read by an aggregate, which only the analyzer can work out.
 */
export const IMPLICIT_GROUPING_PIVOT = "sparkts/ImplicitGroupingPivot";

/**
 * SQL's UNPIVOT clause: a serialised Unpivot whose id columns are implicit, every input column that is not
 * unpivoted.
 */
export const IMPLICIT_IDS_UNPIVOT = "sparkts/ImplicitIdsUnpivot";
