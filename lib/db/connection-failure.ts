/**
 * Why the postgres.js pool is replaced after its connections fail: postgres.js 3.4.9 (the latest) can leave a pooled
 * connection unable to send anything once its socket closed with a write still buffered — which a transaction
 * rolling back on a connection the server just terminated does. `nextWriteTimer` is cleared but never reset
 * (porsager/postgres#1154, #1208), so each later reconnect of that slot waits out connect_timeout (30 s) and fails:
 * after a PostgreSQL restart some requests hang and fail for minutes. A fresh pool has no such slot.
 */

// Node socket errors, postgres.js connection errors, and SQLSTATE 57P0x (server shutting down, crashed, starting).
const CONNECTION_FAILURE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  '57P01',
  '57P02',
  '57P03',
]);

/** The connection itself failed (not the statement), on either driver, possibly wrapped by Drizzle. */
export function isConnectionFailure(error: unknown): boolean {
  for (let cause = error as { code?: unknown; cause?: unknown } | undefined; cause; cause = cause.cause as typeof cause) {
    // SQLSTATE class 08 is "connection exception".
    if (typeof cause.code === 'string' && (CONNECTION_FAILURE_CODES.has(cause.code) || /^08[0-9A-Z]{3}$/.test(cause.code))) return true;
  }
  return false;
}

/** The postgres.js client as Drizzle sees it, calling `onFailure` when a query or transaction fails for want of a connection. */
export function reportingConnectionFailures<Client extends object>(client: Client, onFailure: () => void): Client {
  const observe = (result: unknown) => {
    // Promise.prototype.then, not the query's own `then`, which would start the query before Drizzle asks for it.
    Promise.prototype.then.call(result, undefined, (error: unknown) => {
      if (isConnectionFailure(error)) onFailure();
    });
    return result;
  };
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property !== 'unsafe' && property !== 'begin') return value;
      return (...args: unknown[]) => observe((value as (...args: unknown[]) => unknown).apply(target, args));
    },
  });
}
