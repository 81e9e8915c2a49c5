// The strings a page shows once a turn is played come in later chunks (src/ui/i18n.ts laterReady()). When such a chunk
// did not load (the server redeployed during a long class: the hashed chunk 404s), laterReady() resolved all the same:
// the digest showed its keys ("digest.yourMoves"), the end screen's strategies threw on catalogue().endText, and a
// Japanese page kept English in their place for the rest of its session. Now the import is tried again a few times;
// if it still fails laterReady() rejects, the failure is not kept (a later call tries again), and the glossary (as
// every screen that waits for those strings) says so with a Reload button instead of showing keys.
import { describe, expect, it, vi } from 'vitest';
import { installFakeDom, type FakeElement } from './fake-dom.ts';

/** how many imports of each later chunk fail before one loads (the chunks load as they are when it reaches 0) */
const fail = vi.hoisted(() => ({ en: 0, ja: 0, enTries: 0, jaTries: 0 }));
vi.mock('../src/ui/locales/en-later.ts', async (actual) => {
  fail.enTries++;
  if (fail.en-- > 0) throw new TypeError('Failed to fetch dynamically imported module: /assets/en-later-0ld.js');
  return await actual();
});
vi.mock('../src/ui/locales/ja-later.ts', async (actual) => {
  fail.jaTries++;
  if (fail.ja-- > 0) throw new TypeError('Failed to fetch dynamically imported module: /assets/ja-later-0ld.js');
  return await actual();
});

installFakeDom();
const { catalogue, lang, laterReady, setLang, t, TextsUnavailable } = await import('../src/ui/i18n.ts');
const { openGlossary } = await import('../src/ui/glossary.ts');
const body = () => document.body as unknown as FakeElement;

// in order: i18next is one for the file, and a catalogue's later strings once in stay in
describe('the later strings when their chunk does not load', () => {
  it('shows no keys in the glossary: it says the texts did not load, with a Reload button, and loads them when asked again', async () => {
    fail.en = 100;
    await expect(laterReady()).rejects.toThrow(TextsUnavailable);
    expect(fail.enTries).toBe(4); // tried again three times before it gave up
    await openGlossary();
    const dlg = body().querySelector('[data-testid="texts-failed"]');
    expect(dlg?.textContent).toContain('Could not load the game’s texts; reload the page.');
    expect(dlg?.querySelector('[data-testid="texts-reload"]')?.textContent).toBe('Reload');
    expect(body().querySelector('[data-testid="glossary"]')).toBeNull();
    dlg!.remove();
    // the failure is not kept: the next call imports again
    fail.en = 0;
    await openGlossary();
    expect(body().querySelector('[data-testid="texts-failed"]')).toBeNull();
    expect(body().querySelector('[data-testid="glossary"]')?.textContent).not.toMatch(/glossary\.\w/);
    expect(t('digest.yourMoves')).toBe('Your moves');
  }, 20_000);

  it('on a Japanese page: no English in the Japanese catalogue in their place; the Japanese load when asked again, after a few tries', async () => {
    // the page has its later strings: a switch of language loads the new language's before it switches, and it did
    // not switch with the English ones standing in for good
    fail.ja = 100;
    await expect(setLang('ja')).rejects.toThrow(TextsUnavailable);
    expect(fail.jaTries).toBe(4);
    expect(lang()).toBe('en');
    // the failure is not kept, and the import is tried again a few times: a chunk that fails twice then loads is
    // there when the switch is done
    fail.ja = 2;
    fail.jaTries = 0;
    await setLang('ja');
    expect(fail.jaTries).toBe(3);
    expect(t('digest.yourMoves')).toBe('あなたの手');
    expect(t('notes.overrideTariff', { id: 'D9', who: '米国', good: '自動車', ordered: '25%', now: '2.5%' })).toContain('協定D9');
    expect(catalogue().endText.strategies.title).toBe(t('endText.strategies.title'));
    await laterReady();
    await setLang('en');
  }, 20_000);
});
