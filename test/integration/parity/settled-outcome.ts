/**
 * A step's result, or how it failed, so the two backends' failures are compared too. Only the library's typed
 * errors (Spark's answers and the client's own argument checks, all SparkConnectError) are outcomes, told apart
 * by error class, or by type and message when Spark gives no class. Any other exception (a TypeError, say) is a
 * bug in the case or in the library: it fails the test rather than comparing equal on both sides.
 */
import { SparkConnectError } from "../../../runtime/errors/index.js";

export type Outcome<T> = { readonly value: T } | { readonly errorClass: string };

export async function settled<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { value: await run() };
  } catch (error) {
    if (!(error instanceof SparkConnectError)) throw error;
    return { errorClass: error.errorClass ?? `${error.name}: ${error.message}` };
  }
}
