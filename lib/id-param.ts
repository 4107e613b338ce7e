/** A row id from the URL, or null when it is not a positive whole number (pages then answer 404). */
export function idParam(value: string): number | null {
  return /^[1-9]\d{0,14}$/.test(value) ? Number(value) : null;
}
