// Vite's dev server (`npm run dev`, and the screenshot scripts through tests/e2e/harness.ts's startServer) serves the
// two pages and transforms TypeScript modules on request. HTTP only, no browser: the CLI as `npm run dev` starts it
// (PORT set to a free port, as vite.config.ts reads it), then the scripts' programmatic server.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { startServer } from './e2e/harness.ts';

const ROOT = new URL('..', import.meta.url).pathname;

/** A port free on 127.0.0.1 a moment ago. */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address() as { port: number };
  await new Promise<void>((ok) => s.close(() => ok()));
  return port;
}

/** The two pages and one module, checked as the dev server must serve them. */
async function checkServed(base: string): Promise<void> {
  const index = await fetch(`${base}/`);
  expect(index.status).toBe(200);
  const indexHtml = await index.text();
  expect(indexHtml).toContain('<title>Rare Earth Gambit</title>');
  expect(indexHtml).toContain('src="/src/ui/main.ts"');
  expect(indexHtml).toContain('/@vite/client'); // the dev server's page, not a built one
  const cls = await fetch(`${base}/class.html`);
  expect(cls.status).toBe(200);
  expect(await cls.text()).toContain('src="/src/classroom/main.ts"');
  // the game's entry module, transformed: JavaScript, types gone, relative imports resolved to absolute paths
  const mod = await fetch(`${base}/src/ui/main.ts`);
  expect(mod.status).toBe(200);
  expect(mod.headers.get('content-type')).toMatch(/javascript/);
  const js = await mod.text();
  expect(js).toContain('from "/src/ui/dom.ts"');
  expect(js).not.toMatch(/import type|\btext: string\b/);
}

describe('Vite’s dev server', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill();
  });

  it('as `npm run dev` starts it (the vite CLI, PORT set): serves index.html, class.html and a transformed module', async () => {
    const port = await freePort();
    child = spawn(process.execPath, [`${ROOT}node_modules/vite/bin/vite.js`, '--host', '127.0.0.1'], { cwd: ROOT, env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 15_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`vite exited (${child.exitCode}): ${out}`);
      if (await fetch(`${base}/`).then((r) => r.ok, () => false)) break;
      if (Date.now() > deadline) throw new Error(`vite did not answer on port ${port} in 15 s: ${out}`);
      await new Promise((ok) => setTimeout(ok, 100));
    }
    await checkServed(base);
  }, 20_000);

  it('as the screenshot scripts start it (startServer, a free port): the same', async () => {
    const { server, url } = await startServer();
    try {
      await checkServed(url.replace(/\/$/, ''));
    } finally {
      await server.close();
    }
  }, 20_000);
});
