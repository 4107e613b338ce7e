/**
 * Watches a file's IDs go by. When every ID sorts strictly after (or every one strictly before) the one above it, no
 * ID can repeat, and the import skips searching the staged rows for repeats. Exports are usually sorted by ID or by
 * date, which orders the IDs too; any other file gets the search. Shortlex order (shorter first, then character by
 * character) sorts unpadded numbers such as #999 and #1001 as numbers.
 */
export class OrderedKeys {
  private previous: string | null = null;
  private direction = 0;
  private ordered = true;

  observe(key: string): void {
    if (!this.ordered) return;
    if (this.previous !== null) {
      const order = compareShortlex(key, this.previous);
      if (order === 0 || (this.direction !== 0 && order !== this.direction)) this.ordered = false;
      this.direction = order;
    }
    this.previous = key;
  }

  /** True when no key seen so far repeats an earlier one. */
  get provenUnique(): boolean {
    return this.ordered;
  }
}

export function compareShortlex(a: string, b: string): -1 | 0 | 1 {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
