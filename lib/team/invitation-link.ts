import { headers } from 'next/headers';

/** The absolute link of an invitation: APP_URL when set (behind proxies), else the host the admin is using. */
export async function invitationLink(token: string): Promise<string> {
  const origin =
    process.env.APP_URL ??
    (async () => {
      const requestHeaders = await headers();
      return `${requestHeaders.get('x-forwarded-proto') ?? 'http'}://${requestHeaders.get('host') ?? 'localhost:3000'}`;
    })();
  return `${(await origin).replace(/\/$/, '')}/invite/${token}`;
}
