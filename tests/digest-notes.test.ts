// Notes a new player's digest gained (a walkthrough, 2026-12-07): the security ledger's trust line says a control on an
// ally shows in it a quarter later, and a deal's acceptance says when the share of output it gives is of nothing the
// other side made. (Moved out of story.test.ts, at its size limit.)
import { describe, expect, it } from 'vitest';
import type { CountryView } from '../engine/index.ts';
import { laterReady, setLang } from '../src/ui/i18n.ts';

await laterReady(); // the digest's strings

// A new player lifted her ban on the United States and read, in that turn's digest, "Security −6.4: allies'
// commitment (their trust in you) −6.4", tied to nothing: trust reads the controls in force as the turn began, so a
// control shows in it a quarter later. The cause now says so.
describe("the security ledger's trust line", () => {
  it('says a control on an ally shows in it a quarter later, where it does', async () => {
    const { createGame, resolveTurn } = await import('../engine/index.ts');
    const { content } = await import('./helpers.ts');
    const { causeName } = await import('../src/ui/labels.ts');
    const s0 = createGame(content, 1);
    const t1 = resolveTurn(content, s0, { JPN: { exportControls: { USA: { magnet: 'banned' } } } });
    const t2 = resolveTurn(content, t1.state, {});
    const trust = (r: typeof t1.report) => r.headlines.JPN!.security.causes.find((c) => c.cause === "allies' commitment (trust)")?.amount ?? 0;
    expect(Math.abs(trust(t1.report))).toBeLessThan(0.05); // the ban's own quarter: trust read the open controls
    expect(trust(t2.report)).toBeLessThan(-0.5); // the next: the ban in force as it began
    await setLang('en');
    expect(causeName("allies' commitment (trust)", 'JPN')).toBe('allies’ commitment (their trust in you: your controls on them show in it a quarter later)');
  });
});

// A new player offered Australia USD 5 bn for 20% of its NdPr oxide output; the form warned that Australia made none,
// Australia accepted, and the digest said nothing of it: the end screen's "deals ±0.00" was the first word
describe("a deal's acceptance in the player's digest", () => {
  it('says when a share of output it gives the player is of nothing the other side made this quarter', async () => {
    const { offtakeHint } = await import('../src/ui/story-news.ts');
    await setLang('en');
    const deal = { id: 'D3', from: 'JPN', to: 'AUS', give: [{ type: 'investment', usdBn: 5 }], get: [{ type: 'offtake', stage: 'oxide.light', share: 0.2 }], status: 'active' };
    const view = (aus: Record<string, number>) => ({ deals: [deal], flows: { 'oxide.light': { AUS: aus } } }) as unknown as CountryView;
    const line = 'AUS accepts D3: JPN offers AUS an investment of USD 5 bn for 20% of its NdPr oxide output, for 8 turns.';
    expect(offtakeHint(line, 'JPN', view({}))).toBe('Australia made no NdPr oxide this quarter: the share of it D3 gives you brings nothing until it makes some.');
    // a class round of several quarters: the view's flows are its last quarter's
    expect(offtakeHint(line, 'JPN', view({}), true)).toBe("Australia made no NdPr oxide in the round's last quarter: the share of it D3 gives you brings nothing until it makes some.");
    expect(offtakeHint(line, 'JPN', view({ JPN: 120, USA: 300 }))).toBeNull(); // it made some
    expect(offtakeHint(line, 'AUS', view({}))).toBeNull(); // Australia gets the investment, not a share
    expect(offtakeHint('AUS rejects D3 from JPN.', 'JPN', view({}))).toBeNull();
    expect(offtakeHint(line, 'JPN', null)).toBeNull();
  });
});

// A player's magnet recycling "slips a quarter" was listed under "Your moves", where the deep-sea programme's slip was
// under "Your projects' own steps (not your orders)": a project's slip is a step of its own, never an order.
describe("a project's slip in the player's digest", () => {
  it("goes with the projects' own steps, not the player's moves, at home or abroad", async () => {
    const { sortNews } = await import('../src/ui/story-news.ts');
    const news = ['JPN starts Magnet recycling (1 unit, USD 0.30 bn, 4 quarters).', 'Magnet recycling P7 (JPN) slips a quarter (a 10% risk each quarter): 3 quarters left.', 'Mine expansion P12 (JPN in AUS) slips a quarter (a 5% risk each quarter): 7 quarters left.', "JPN's Minamitorishima deep-sea mud programme P9: the trial lift slips a quarter (a 10% risk each quarter): 2 quarters left."];
    const s = sortNews({ news, events: [], headlines: { JPN: { autoProduction: { change: 0, causes: [] } } } } as unknown as Parameters<typeof sortNews>[0], 'JPN');
    expect(s.yours).toEqual([news[0]]);
    expect(s.steps).toEqual(news.slice(1));
    // another country's slip is its own news
    expect(sortNews({ news: ['Magnet recycling P8 (USA) slips a quarter (a 10% risk each quarter): 3 quarters left.'], events: [], headlines: { JPN: { autoProduction: { change: 0, causes: [] } } } } as unknown as Parameters<typeof sortNews>[0], 'JPN').steps).toEqual([]);
  });
});
