/**
 * Renders the JVM stack trace carried by a FetchErrorDetails answer: the root error's frames, then each cause
 * introduced by `Caused by:`, in the layout Java prints.
 */
import type { FetchErrorDetailsResponse } from "../../generated/proto/spark/connect/base_pb.js";

/** Empty string when the server sent no frames (it only does with `spark.sql.connect.serverStacktrace.enabled`). */
export function formatServerStackTrace(response: FetchErrorDetailsResponse): string {
  const rootIndex = response.rootErrorIdx;
  if (rootIndex === undefined || (response.errors[rootIndex]?.stackTrace.length ?? 0) === 0) return "";
  const lines: string[] = [];
  const visited = new Set<number>();
  let index: number | undefined = rootIndex;
  while (index !== undefined && !visited.has(index)) {
    visited.add(index);
    const error: FetchErrorDetailsResponse["errors"][number] | undefined = response.errors[index];
    if (error === undefined) break;
    const className = error.errorTypeHierarchy[0] ?? "<unknown>";
    lines.push(lines.length === 0 ? className : `Caused by: ${className}: ${error.message}`);
    for (const frame of error.stackTrace) {
      lines.push(
        `\tat ${frame.declaringClass}.${frame.methodName}(${frame.fileName ?? "Unknown Source"}:${frame.lineNumber})`,
      );
    }
    index = error.causeIdx;
  }
  return lines.join("\n");
}
