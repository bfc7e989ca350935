/**
 * How many terminal columns a string takes: East Asian wide and full-width characters count two. Spark pads
 * `show()` cells by this width (not by `length`), so CJK text lines up.
 */
const FULL_WIDTH =
  /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE10-\uFE19\uFE30-\uFE6F\uFF00-\uFF60\uFFE0-\uFFE6]/gu;

export function displayWidth(text: string): number {
  const wide = text.match(FULL_WIDTH);
  return text.length + (wide === null ? 0 : wide.length);
}

/** Pads on the left to a display width (right-aligned cell). */
export function padStartWidth(text: string, width: number): string {
  return " ".repeat(Math.max(0, width - displayWidth(text))) + text;
}

/** Pads on the right to a display width (left-aligned cell). */
export function padEndWidth(text: string, width: number, fill = " "): string {
  return text + fill.repeat(Math.max(0, width - displayWidth(text)));
}
