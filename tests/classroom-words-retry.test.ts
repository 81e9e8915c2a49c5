// The class pages' Japanese words (src/classroom/words.ts: ja-class.ts and ja-server.ts, one chunk) load when first
// needed. A load that failed once (the network dropped, the hashed chunk 404s after a redeploy) was kept: every later
// try, the language switch's or a page's, failed at once without asking the server again. Now a failed load is
// forgotten and the next try imports again.
import { describe, expect, it, vi } from 'vitest';
import { installFakeDom } from './fake-dom.ts';

/** how many imports of the class words' chunk fail before one loads */
const fail = vi.hoisted(() => ({ ja: 0, tries: 0 }));
vi.mock('../src/ui/locales/ja-class.ts', async (actual) => {
  fail.tries++;
  if (fail.ja-- > 0) throw new TypeError('Failed to fetch dynamically imported module: /assets/ja-class-0ld.js');
  return await actual();
});

installFakeDom();
(globalThis as { location?: unknown }).location = { search: '?lang=ja', pathname: '/class.html', hash: '' };
const { classLang, c } = await import('../src/classroom/words.ts');
const { lang } = await import('../src/ui/i18n.ts');

describe("the class pages' Japanese words when their chunk does not load once", () => {
  it('a later try loads them', async () => {
    fail.ja = 1;
    await expect(classLang()).rejects.toThrow();
    expect(fail.tries).toBe(1);
    // the failure is not kept: the next try imports again, and the page speaks Japanese
    await classLang();
    expect(fail.tries).toBe(2);
    expect(lang()).toBe('ja');
    expect(c('student.submitted')).toBe('提出済み');
  }, 20_000);
});
