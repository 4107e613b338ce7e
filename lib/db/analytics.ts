import { sql } from 'drizzle-orm';
import type { Database } from './client';

/**
 * Settings for set-based analytics inside a transaction: enough memory for the sorts of a workspace's customers
 * (the 4 MB default spills to disk), and no JIT, whose compile time exceeds its gain on these statements.
 */
export async function useAnalyticalSettings(tx: Pick<Database, 'execute'>): Promise<void> {
  await tx.execute(sql`select set_config('work_mem', '64MB', true), set_config('jit', 'off', true)`);
}
