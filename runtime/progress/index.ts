/** Progress of running operations: handlers a session registers, and a terminal progress bar. */
export { withProgress } from "./operation-progress.js";
export { ProgressHandlers, progressHandlersOf } from "./progress-handlers.js";
export { type ProgressHandler, type ProgressReport, progressFromProto, type StageInfo } from "./stage-info.js";
export {
  type ProgressOutput,
  progressLine,
  type TerminalProgressOptions,
  terminalProgressBar,
} from "./terminal-progress-bar.js";
