/** numerator / denominator, or 0 when the denominator is 0 — so empty segments give zeros, never NaN. */
export function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}
