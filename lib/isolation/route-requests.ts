import { NextRequest } from 'next/server';
import type { RouteHandler } from './app-inventory';
import { outcomeOf, type Outcome } from './call-outcome';
import type { RouteRequest } from './route-cases';

/** The URL path a route file serves, its dynamic segments filled in: app/w/[slug]/x/route.ts → /w/shop/x. */
export function routePath(file: string, params: Record<string, string>): string {
  return file
    .replace(/^app/, '')
    .replace(/\/route\.tsx?$/, '')
    .replace(/\/\([^/)]+\)/g, '')
    .replace(/\[(?:\.\.\.)?(\w+)\]/g, (_match, name: string) => {
      if (!(name in params)) throw new Error(`${file}: the case gives no value for [${name}]`);
      return encodeURIComponent(params[name]);
    });
}

/** Calls a route handler as Next would: a NextRequest and `{ params }` as a promise. */
export function callRoute(
  handler: RouteHandler,
  file: string,
  method: string,
  request: RouteRequest,
  extra: { slug?: string; authorization?: string | null },
): Promise<Outcome> {
  const params = { ...request.params, ...(extra.slug ? { slug: extra.slug } : {}) };
  const headers = new Headers(request.headers);
  if (extra.authorization) headers.set('authorization', extra.authorization);
  const url = `http://isolation.test${routePath(file, params)}${request.search ?? ''}`;
  const nextRequest = new NextRequest(url, { method, headers, body: request.body ?? null });
  return outcomeOf(() => handler(nextRequest, { params: Promise.resolve(params) }));
}
