// A class page opened in Japanese in a browser whose stored choice is already Japanese (the teacher switched the
// dashboard to Japanese, then opened the debrief pack): the page starts in Japanese without the events' text (ja-lines,
// loaded after a game page's map), and pageLang('ja') must load it, or the debrief's events read in English
// ("ワールド 1、2025Q4：Typhoon shuts Japanese ports").
import { describe, expect, it, vi } from 'vitest';

describe('pageLang on a page that starts in Japanese', () => {
  it('loads the events’ Japanese titles', async () => {
    const stored = new Map([['rare-earth-gambit:lang', 'ja']]);
    vi.stubGlobal('localStorage', { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => void stored.set(k, v) });
    vi.resetModules();
    try {
      const i18n = await import('../src/ui/i18n.ts');
      const { eventTitle } = await import('../src/ui/content-text.ts');
      await i18n.ready;
      expect(i18n.lang()).toBe('ja');
      await i18n.pageLang('ja'); // classLang() on the debrief, the projector, the dashboard
      const title = eventTitle({ id: 'typhoon-japan-port', title: 'Typhoon shuts Japanese ports' });
      expect(title).not.toBe('Typhoon shuts Japanese ports');
      expect(title).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(i18n.jaLines()).not.toBeNull();
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
  });
});
