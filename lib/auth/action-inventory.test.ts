import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Actions that run before anyone is a member of a workspace: each validates its own input. */
const PUBLIC_ACTIONS = new Set(['signInAction', 'signOutAction', 'signUpAction', 'signUpWithInvitationAction']);

function actionFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return actionFiles(full);
    return /^actions\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('server action inventory', () => {
  const files = actionFiles(path.resolve('app'));

  it('finds the server action files', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it.each(files.map((file) => [path.relative(process.cwd(), file), file]))('%s: every export goes through the gate', (_name, file) => {
    const source = fs.readFileSync(file, 'utf8');
    expect(source.startsWith("'use server';")).toBe(true);
    const exports = [...source.matchAll(/^export\s+(?:async\s+)?(?:function|const)\s+(\w+)(.*)$/gm)];
    expect(exports.length).toBeGreaterThan(0);
    for (const [, name, rest] of exports) {
      const gated = /^\s*=\s*(memberAction|userAction)\(/.test(rest);
      expect(gated || PUBLIC_ACTIONS.has(name), `${name} must be wrapped in memberAction/userAction`).toBe(true);
    }
  });
});

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === 'route.ts' ? [full] : [];
  });
}

function handlerStarts(file: string): { method: string; start: string }[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  return lines.flatMap((line, index) => {
    const method = /^export async function (GET|POST|PUT|PATCH|DELETE)\b/.exec(line)?.[1];
    return method ? [{ method, start: lines.slice(index + 1, index + 4).join('\n') }] : [];
  });
}

describe('route handler inventory', () => {
  const workspaceRoutes = routeFiles(path.resolve('app/w'));
  const apiRoutes = routeFiles(path.resolve('app/api/v1'));

  it('finds the workspace and public API route handlers', () => {
    expect(workspaceRoutes.length).toBeGreaterThanOrEqual(4);
    expect(apiRoutes.length).toBeGreaterThanOrEqual(1);
  });

  it.each(workspaceRoutes.map((file) => [path.relative(process.cwd(), file), file]))('%s: every handler goes through the member gate first', (_name, file) => {
    const handlers = handlerStarts(file);
    expect(handlers.length).toBeGreaterThan(0);
    for (const { method, start } of handlers) {
      expect(start, `${method} must call requireMember(slug) before anything else`).toMatch(/await requireMember\(slug\)/);
    }
  });

  it.each(apiRoutes.map((file) => [path.relative(process.cwd(), file), file]))('%s: every handler checks the API key first', (_name, file) => {
    const handlers = handlerStarts(file);
    expect(handlers.length).toBeGreaterThan(0);
    for (const { method, start } of handlers) {
      expect(start, `${method} must call requireApiKey(request, …) before anything else`).toMatch(/await requireApiKey\(request,/);
    }
  });
});
