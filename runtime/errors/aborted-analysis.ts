/** An AnalyzePlan call whose AbortSignal fired: both backends reject it the same way. */
import { OperationInterruptedError } from "./exceptions.js";

export function throwIfAnalysisAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted !== true) return;
  const { reason } = signal;
  const why = reason instanceof Error ? reason.message : reason === undefined ? "aborted" : String(reason);
  throw new OperationInterruptedError(`The analysis was interrupted: ${why}.`, { cause: reason });
}
