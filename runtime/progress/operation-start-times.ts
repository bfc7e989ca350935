/**
 * When each running operation was sent. Backends report progress only after an interval (2 s on Spark by
 * default), so a display that waits "one second of running" must count from the start, not the first report.
 */
const started = new Map<string, number>();

export function operationStarted(operationId: string): void {
  started.set(operationId, Date.now());
}

export function operationEnded(operationId: string): void {
  started.delete(operationId);
}

/** The time the operation was sent, if it is running and was started through the DataFrame API. */
export function operationStartTime(operationId: string | undefined): number | undefined {
  return operationId === undefined ? undefined : started.get(operationId);
}
