/**
 * The `client_type` every request carries, so server logs and the Spark UI show who is calling:
 * `[<user_agent> ]sparkts/<version> node/<version>`.
 */

/** Kept equal to package.json's version by client-type.test.ts. */
export const SPARKTS_VERSION = "0.1.0";

export function clientType(userAgent?: string): string {
  const ours = `sparkts/${SPARKTS_VERSION} node/${process.versions.node}`;
  return userAgent === undefined || userAgent === "" ? ours : `${userAgent} ${ours}`;
}
