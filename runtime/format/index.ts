export { type CellFormatOptions, formatCell } from "./cell-format.js";
export { displayWidth } from "./display-width.js";
export { formatDayTimeInterval, formatYearMonthInterval } from "./interval-format.js";
export { formatJavaDouble, formatJavaFloat } from "./java-number-format.js";
export { type ShowStringOptions, showString } from "./show-string.js";
export { formatInstantMicros, formatLocalMicros, zoneOffsetSeconds } from "./timestamp-format.js";
