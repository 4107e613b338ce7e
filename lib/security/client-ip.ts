/**
 * The client address a request claims: the first `x-forwarded-for` entry, else `x-real-ip`.
 * Next.js fills `x-forwarded-for` with the socket address when no proxy set it; a client can still send its own,
 * so behind no proxy (or one that appends rather than overwrites) this is a hint, not proof.
 */
export function clientIp(headers: Pick<Headers, 'get'> | undefined): string {
  const forwarded = headers?.get('x-forwarded-for')?.split(',')[0]?.trim();
  if (forwarded) return forwarded;
  return headers?.get('x-real-ip')?.trim() || 'unknown';
}
