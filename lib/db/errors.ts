/** A Postgres unique violation (23505), optionally of one constraint; on both drivers, possibly wrapped by Drizzle. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let cause = error as { code?: string; constraint?: string; constraint_name?: string; cause?: unknown } | undefined; cause; cause = cause.cause as typeof cause) {
    if (cause.code === '23505') return !constraint || (cause.constraint ?? cause.constraint_name) === constraint;
  }
  return false;
}
