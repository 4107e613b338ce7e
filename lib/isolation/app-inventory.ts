import fs from 'node:fs';
import path from 'node:path';

/** A server action as the form calls it: memberActions take the slug first, userActions and public ones do not. */
export type AnyAction = (...args: unknown[]) => Promise<unknown>;
export type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type InventoryEntry<T> = { file: string; name: string; fn: T };
export type Inventory<T> = { entries: InventoryEntry<T>[]; importFailures: { file: string; error: string }[] };

export const ROUTE_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

function filesNamed(dir: string, pattern: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesNamed(full, pattern);
    return pattern.test(entry.name) ? [full] : [];
  });
}

const relative = (file: string) => path.relative(process.cwd(), file).split(path.sep).join('/');

/**
 * Imports each module and lists its exported functions. A module that fails to import (another change half-way)
 * is reported rather than skipped silently, so the suite fails until it imports again.
 */
async function exportedFunctions<T>(files: string[], keep: (name: string) => boolean): Promise<Inventory<T>> {
  const inventory: Inventory<T> = { entries: [], importFailures: [] };
  for (const file of files.sort()) {
    try {
      const module = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module)) {
        if (typeof value === 'function' && keep(name)) inventory.entries.push({ file: relative(file), name, fn: value as T });
      }
    } catch (error) {
      inventory.importFailures.push({ file: relative(file), error: error instanceof Error ? error.message : String(error) });
    }
  }
  return inventory;
}

/** Every export of every app/**\/actions.ts(x): in a 'use server' module each export is a server action. */
export function actionInventory(): Promise<Inventory<AnyAction>> {
  return exportedFunctions(filesNamed(path.resolve('app'), /^actions\.tsx?$/), () => true);
}

/** Every HTTP method handler of every route.ts under the given app folders. */
export function routeInventory(...dirs: string[]): Promise<Inventory<RouteHandler>> {
  const files = dirs.flatMap((dir) => filesNamed(path.resolve(dir), /^route\.tsx?$/));
  return exportedFunctions(files, (name) => (ROUTE_METHODS as readonly string[]).includes(name));
}
