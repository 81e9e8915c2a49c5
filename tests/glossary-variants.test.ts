// The start page offers opponents only one country can be (the US's Negotiator, Japan's four strategies); the glossary
// listed none of them, so a player who picked "All three" against her could not look it up. They now follow the
// opponent types, each with its country.
import { afterEach, describe, expect, it } from 'vitest';
import { installFakeDom, type FakeElement } from './fake-dom.ts';
import { catalogue, laterReady, setLang } from '../src/ui/i18n.ts';

installFakeDom();
const { glossaryDialog } = await import('../src/ui/glossary.ts');
await laterReady();

const entries = () => {
  const d = glossaryDialog(() => {}) as unknown as FakeElement;
  return Object.fromEntries(d.querySelectorAll('dt').map((dt) => [dt.getAttribute('id'), dt.textContent]));
};

afterEach(async () => setLang('en'));

describe("the glossary's opponents", () => {
  it('has every one the start page offers, each with its country, after the general opponent types', async () => {
    await setLang('en');
    const e = entries();
    const variants = Object.keys(catalogue().start.agentVariant);
    expect(variants).toEqual(['usa-negotiator', 'jpn-hub', 'jpn-mud', 'jpn-defence', 'jpn-all']);
    expect(e['term-usa-negotiator']).toBe('Negotiator: the United States only (opponent)');
    expect(e['term-jpn-all']).toBe('All three (strategy): Japan only (opponent)');
    const ids = Object.keys(e);
    expect(ids.indexOf('term-usa-negotiator')).toBeGreaterThan(ids.indexOf('term-random'));
  });

  it('in Japanese', async () => {
    await setLang('ja');
    expect(entries()['term-jpn-hub']).toMatch(/（日本のみの相手）$/);
  });
});
