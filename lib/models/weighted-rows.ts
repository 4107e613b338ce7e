/** Each value's position in the list of distinct values (in order of first appearance). */
export function distinctIndex(column: ArrayLike<number>): { values: Float64Array; index: Int32Array } {
  const indexOf = new Map<number, number>();
  const index = new Int32Array(column.length);
  for (let i = 0; i < column.length; i++) {
    let k = indexOf.get(column[i]);
    if (k === undefined) {
      k = indexOf.size;
      indexOf.set(column[i], k);
    }
    index[i] = k;
  }
  return { values: Float64Array.from(indexOf.keys()), index };
}

/**
 * Counting sort of rows by group: `order` lists the rows of group 0, then group 1, …, and rows
 * groupStart[k] … groupStart[k+1]−1 of that order belong to group k.
 */
export function groupRows(groupOfRow: ArrayLike<number>, groups: number): { order: Int32Array; groupStart: Int32Array } {
  const groupStart = new Int32Array(groups + 1);
  for (let row = 0; row < groupOfRow.length; row++) groupStart[groupOfRow[row] + 1]++;
  for (let k = 0; k < groups; k++) groupStart[k + 1] += groupStart[k];
  const next = groupStart.slice(0, groups);
  const order = new Int32Array(groupOfRow.length);
  for (let row = 0; row < groupOfRow.length; row++) order[next[groupOfRow[row]]++] = row;
  return { order, groupStart };
}

/** Collapses items with equal keys into rows: each row's first item and how many items share its key. */
export function collapseIdenticalRows<Key>(
  count: number,
  keyOf: (item: number) => Key,
): { representative: Int32Array; weight: Float64Array } {
  const rowOfKey = new Map<Key, number>();
  const representative = new Int32Array(count);
  const weight = new Float64Array(count);
  for (let item = 0; item < count; item++) {
    const key = keyOf(item);
    const row = rowOfKey.get(key);
    if (row !== undefined) {
      weight[row]++;
    } else {
      const newRow = rowOfKey.size;
      rowOfKey.set(key, newRow);
      representative[newRow] = item;
      weight[newRow] = 1;
    }
  }
  return { representative: representative.slice(0, rowOfKey.size), weight: weight.slice(0, rowOfKey.size) };
}

/** Fills `into` (as long as `indices`) with values[indices[0]], values[indices[1]], … */
export function gather<T extends Int32Array | Float64Array>(into: T, values: ArrayLike<number>, indices: ArrayLike<number>): T {
  for (let i = 0; i < indices.length; i++) into[i] = values[indices[i]];
  return into;
}
