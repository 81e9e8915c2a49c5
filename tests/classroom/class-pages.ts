// The opening every classroom browser file shares: Chromium and a test server serving the built pages for a describe
// block (useBrowser), and a list of the sockets the test opens (the teacher's, the students'), closed in an afterAll
// registered after useBrowser's, so it runs first: the sockets close before the server and the browser do.
import { afterAll } from 'vitest';
import { builtPages, useBrowser, type UsedBrowser } from '../e2e/harness.ts';
import type { Client } from './client.ts';
import { startTestServer, type TestServer } from './server.ts';

/** Call it in the describe block, before hooks that use what it starts. */
export function useClassPages(timeout = 180_000): { env: UsedBrowser<TestServer>; clients: Client[] } {
  const env = useBrowser(async () => startTestServer({ staticDir: await builtPages() }), timeout);
  const clients: Client[] = [];
  afterAll(() => {
    for (const c of clients) c.close();
  });
  return { env, clients };
}
