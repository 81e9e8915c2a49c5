// The digest's project, deep-sea, US-China track and event lines in Japanese: each kind the engine writes (in real
// games of Japan's gambit with the deep-sea programme, and scripted turns for the rarer kinds) reads in Japanese with
// no English phrase left over; so do transshipment and stockpile lines (engine/market/after.ts); English lines stay
// as they were.
import { afterAll, describe, expect, it } from 'vitest';
import { createGame, InvalidOrdersError, resolveTurn, type Content, type GameState, type Orders } from '../engine/index.ts';
import { loadContent } from '../src/content/load.ts';
import { projectNewsJa } from '../src/ui/project-news.ts';
import { plainNews } from '../src/ui/story-news.ts';
import { setLang } from '../src/ui/i18n.ts';

const gambit = loadContent('japans-gambit');
/** English words of three letters or more, beyond the names that stay as they are (project ids, NdPr, Dy/Tb, REO, EEZ, APEC...). */
const english = (s: string) => s.replace(/\bP\d+\b|NdPr|Dy\/Tb|REO|EEZ|APEC|EV|MP|JAMA/g, '').match(/[A-Za-z]{3,}/g) ?? [];

/** Japan's gambit with Japan building a processing hub and the deep-sea programme, one game per seed. */
function gambitLines(seeds: number[]): string[] {
  const plan: Record<number, NonNullable<Orders['JPN']>> = {
    1: { investments: [{ type: 'deepSeaMud', units: 1 }] },
    2: { investments: [{ type: 'recycling', units: 1 }] },
    3: { investments: [{ type: 'refinery.heavy', units: 1 }] },
    4: { investments: [{ type: 'stockpile.light', units: 1 }] },
    5: { investments: [{ type: 'mine.new', units: 1, host: 'AUS' }] },
    6: { stockpileRelease: { light: 50 } },
    7: { investments: [{ type: 'refinery.light', units: 1, host: 'AUS' }] },
    9: { investments: [{ type: 'thrifting', units: 1 }] },
    11: { investments: [{ type: 'magnetPlant', units: 1 }] },
  };
  const out: string[] = [];
  for (const seed of seeds) {
    let s: GameState = createGame(gambit, seed);
    for (let turn = 1; turn <= 40; turn++) {
      let r;
      try {
        r = resolveTurn(gambit, s, plan[turn] ? { JPN: plan[turn] } : {}, { ledger: false });
      } catch (e) {
        if (!(e instanceof InvalidOrdersError)) throw e;
        r = resolveTurn(gambit, s, {}, { ledger: false }); // this seed's budget is short of the plan: a turn without it
      }
      out.push(...r.report.news);
      s = r.state;
    }
  }
  return out;
}

/** China bans magnets to the US (escalation), then reopens (calm): the track's phase lines. */
function trackLines(): string[] {
  const out: string[] = [];
  let s = createGame(gambit, 1);
  for (const o of [{ CHN: { exportControls: { USA: { magnet: 'banned' } } } }, {}, { CHN: { exportControls: { USA: { magnet: 'open' } } } }, {}] as Orders[]) {
    const r = resolveTurn(gambit, s, o, { ledger: false });
    out.push(...r.report.news);
    s = r.state;
  }
  return out;
}

/** China bans magnets and Dy/Tb oxide to Japan and opens magnets to the US: its magnets reach Japan through the US, and
 * it finds them (the standing licences on everyone else leave no other route). The games above find no leak since the
 * licences came to grow with the world's need. */
function leakLines(): string[] {
  const o: Orders = { CHN: { exportControls: { JPN: { magnet: 'banned', 'oxide.heavy': 'banned' }, USA: { magnet: 'open' } } } };
  return resolveTurn(gambit, createGame(gambit, 1), o, { ledger: false }).report.news;
}

/** Japan lifting mud with seabed damage, under a licence rule that suspends at once: the suspension line. */
function suspensionLines(): string[] {
  const c = structuredClone(gambit) as Content;
  c.projects.deepSea.seabed.suspendPerPoint = 1;
  c.projects.deepSea.seabed.maxChance = 1;
  const s = createGame(c, 1);
  s.regions.JPN.seabed = 12.5;
  s.regions.JPN.mudReo = 2000;
  return resolveTurn(c, s, {}, { ledger: false }).report.news;
}

/** Japan stopping its programme by order, during a stage and while a stage waits for budget. */
function stopLines(): string[] {
  const s = createGame(gambit, 1);
  const p = s.projects.find((x) => x.mud && x.owner === 'JPN')!;
  const during = resolveTurn(gambit, s, { JPN: { stopProgrammes: [p.id] } }, { ledger: false }).report.news;
  const w = structuredClone(s);
  w.projects.find((x) => x.id === p.id)!.mud!.waiting = true;
  const before = resolveTurn(gambit, w, { JPN: { stopProgrammes: [p.id] } }, { ledger: false }).report.news;
  return [...during, ...before];
}

const KINDS: [string, RegExp][] = [
  ['programme stopped during a stage', /^JPN stops its .+ programme P\d+ during the .+, after USD [\d.]+ bn: no later stage is paid/],
  ['programme stopped before a stage', /^JPN stops its .+ programme P\d+ before the .+ starts, after USD/],
  ['programme start', /^JPN starts a .+ programme \(/],
  ['project start', /^JPN starts (?!a ).+ \(\d+ units?, USD/],
  ['project start abroad', /^JPN starts .+ in AUS \(/],
  ['project complete', /^.+ P\d+ \(\w{3}\) is complete\.$/],
  ['project complete, ramping up', /^.+ P\d+ \(\w{3}\) is complete: \d+% of its capacity now, all of it in \d+ quarters\.$/],
  ['project complete abroad', /^.+ P\d+ \(JPN in AUS\) is complete[.:]/],
  ['project failed', /has failed: the money is spent/],
  ['project slips', /^.+ P\d+ \(\w{3}(?: in \w{3})?\) slips a quarter \(a \d+% risk each quarter\): \d+ quarters? left\.$/],
  ['programme stage slips', /programme P\d+: the .+ slips a quarter \(a \d+% risk each quarter\): \d+ quarters? left\.$/],
  ['stage passes, next starts', /: the .+ passes \(.+, so the .+ starts: /],
  ['stage passes, next waits', /: the .+ passes \(.+ waits for budget: /],
  ['budget allows', /: the budget now allows it; /],
  ['commercial lifting', /Commercial lifting starts: /],
  ['stage fails, retry', /: the .+ fails \(.+; a retry has a \d+% chance of passing; the .+ is run again/],
  ['programme ends', /The programme ends after USD/],
  ['hand moves', /^The US's hand with China (strengthens|weakens)/],
  ['event', /^Typhoon shuts Japanese ports: /],
  ['stockpile purchase', /^JPN buys .+ for its stockpile at USD/],
  ['stockpile release', /^JPN releases .+ from its stockpile/],
  ['transshipment found', /^CHN finds about .+ round its export controls\.$/],
];

describe('project, deep-sea, track and event news in Japanese', () => {
  afterAll(() => setLang('en'));

  it('reads every kind of line the engine writes, with nothing left in English', async () => {
    const lines = [...gambitLines([1, 2, 3, 4, 5, 6]), ...trackLines(), ...leakLines(), ...suspensionLines(), ...stopLines()];
    for (const [name, kind] of KINDS) expect(lines.some((l) => kind.test(l)), name).toBe(true);
    expect(lines.some((l) => /^US-China track: escalation \(was calm\)/.test(l)), 'track phase').toBe(true);
    expect(lines.some((l) => /deep-sea mud lifting is suspended/.test(l)), 'suspension').toBe(true);
    const ours = lines.filter((l) => /programme|P\d+ \(|^JPN starts|US-China track|The US's hand|suspended|stockpile|finds about|^[^:]+: [A-Z]/.test(l) && !/\bD\d+\b/.test(l) && !/^(AUS|CHN|JPN|MYS|USA|ROW) (bans|licenses|reopens|raises|cuts|sets) /.test(l));
    await setLang('ja');
    for (const l of new Set(ours)) {
      if (process.env.SHOW_NEWS) console.log(`${l}\n  -> ${projectNewsJa(l)}`);
      const ja = projectNewsJa(l);
      expect(ja, l).not.toBeNull();
      expect(english(ja!), `${l}\n-> ${ja}`).toEqual([]);
      expect(plainNews(l)).toBe(ja); // the digest uses it
    }
  });

  it('says figures and units right (USD bn as 億ドル, t REO, quarters, chances)', async () => {
    await setLang('ja');
    expect(projectNewsJa('JPN starts a Minamitorishima deep-sea mud programme (1 unit): the survey first (USD 0.10 bn, 8 quarters, a 64% chance of passing), then trial lift, 350 t/day pilot, commercial system: USD 1.56 bn more, each paid when it starts.')).toBe(
      '日本が南鳥島のレアアース泥の事業を開始（1件）：まず調査（1億ドル、8四半期、成功確率64%）、続いて試験揚泥、日量350 tのパイロット、商業生産システム：さらに15.6億ドル、各段階の開始時に支払う。',
    );
    expect(projectNewsJa('JPN stops its Minamitorishima deep-sea mud programme P4 during the trial lift, after USD 0.26 bn: no later stage is paid and no capacity comes of it.')).toBe('日本が南鳥島のレアアース泥の事業（P4）を試験揚泥の途中で中止：2.6億ドルを支出済み。以後の段階は支払われず、生産能力は得られない。');
    expect(projectNewsJa('JPN starts NdPr separation plant in AUS (1 unit, USD 0.50 bn, 12 quarters).')).toBe('日本がオーストラリアでNdPr分離精製工場に着手（1件、5億ドル、12四半期）。');
    expect(projectNewsJa('NdPr separation plant P9 (JPN in AUS) is complete.')).toBe('日本のNdPr分離精製工場（オーストラリア）が完成。');
    expect(projectNewsJa('NdFeB magnet plant P12 (JPN) is complete: 30% of its capacity now, all of it in 8 quarters.')).toBe('日本のネオジム磁石工場が完成：当初は生産能力の30%、8四半期で全量に達する。');
    expect(projectNewsJa("JPN's Minamitorishima deep-sea mud programme P4: the commercial system passes (3 of 8 reads good, 3 needed; its chance was 94%); estimated performance 56% of the best case (was 65%). Commercial lifting starts: 2,450 t REO a year of heavy-rich mud ore, which needs separation plants (Japan's own or a partner's) to become oxide. The programme cost USD 1.66 bn.")).toBe(
      '日本の南鳥島のレアアース泥事業：商業生産システムが成功（測定8回中3回が良好、必要3回；事前の成功確率94%）。推定性能は最良の場合の56%（以前は65%）。商業揚泥が始まる：重レアアースに富む泥の鉱石を年2,450 t REO。酸化物にするには分離精製工場（日本の自前か提携先）が要る。事業の費用は計16.6億ドル。',
    );
    // the two endings a short game rarely meets, in the engine's words (engine/deepsea.ts tryStart() and the end of a programme)
    const wait = projectNewsJa("JPN's Minamitorishima deep-sea mud programme P4: the 350 t/day pilot fails (1 of 6 reads good, 2 needed; its chance was 94%); estimated performance 40% of the best case (was 55%); a retry has a 62% chance of passing; the 350 t/day pilot retry waits for budget: it needs USD 0.20 bn, USD 0.05 bn is available; the programme is paused until the budget allows.")!;
    expect(wait).toContain('日量350 tのパイロットの再挑戦は予算待ち：2億ドルが必要だが、使えるのは5,000万ドル。');
    const end = projectNewsJa("JPN's Minamitorishima deep-sea mud programme P4: the trial lift fails (0 of 2 reads good, 1 needed; its chance was 38%); estimated performance 20% of the best case (was 30%); a retry would have a 22% chance of passing, below the 30% the programme needs to go on. The programme ends after USD 0.34 bn with no capacity.")!;
    expect(end).toContain('再挑戦しても成功確率は22%で、続けるのに必要な30%に届かない。事業は3.4億ドルを費やし');
    for (const s of [wait, end]) expect(english(s), s).toEqual([]);
    const hand = projectNewsJa("The US's hand with China weakens (-0.02 -> -0.10): US rare earths from China 45% -> 50%, from Japan 38% -> 33%, so a squeeze would cost the US USD 69 bn -> USD 81 bn a year; China's exports at stake USD 66 bn -> USD 66 bn.");
    expect(hand).toBe('中国による締め付けは、中国自身が失うものと比べて、米国により大きな打撃となる：米国が買うレアアースのうち中国で採掘されたものの割合 45% → 50%、中国以外の鉱石から日本で作られたものの割合 38% → 33%。締め付けを受けたときの米国の損失は年690億ドル → 810億ドル、中国が失いうる輸出は660億ドル → 660億ドル。');
  });

  // a Japanese player read "同国の価格は-23.1%動いた" of Japan's own release: the country named, the minus sign the
  // digest's other figures use
  it("names the country whose price a stockpile trade moved, with a real minus sign", async () => {
    await setLang('ja');
    const ja = projectNewsJa('JPN releases 100 t of NdPr oxide from its stockpile at USD 54/kg (USD 5.4 m back to its budget); stockpile trades this turn moved the price there by -23.1% (from USD 54/kg).');
    expect(ja).toContain('今ターンの備蓄売買で日本の価格は−23.1%動いた（1 kgあたり54ドルから）');
    expect(projectNewsJa('JPN releases 100 t of NdPr oxide from its stockpile at USD 54/kg (USD 5.4 m back to its budget); stockpile trades this turn moved the price there by +18.4% (from USD 54/kg).')).toContain('日本の価格は+18.4%動いた');
    await setLang('en');
  });

  it('leaves other lines alone, and English unchanged', async () => {
    await setLang('ja');
    expect(projectNewsJa('CHN bans magnets exports to USA.')).toBeNull();
    expect(projectNewsJa('JPN starts Unknown thing (1 unit, USD 1.00 bn, 4 quarters).')).toBeNull();
    await setLang('en');
    for (const l of ['JPN starts NdPr separation plant in AUS (1 unit, USD 0.50 bn, 12 quarters).', 'Typhoon shuts Japanese ports: A powerful typhoon closes ports and halts factories across central Japan. Magnet plants lose production and shipments are delayed for the quarter.']) {
      expect(plainNews(l)).toBe(l.replace(/\bJPN\b/, 'Japan').replace(/\bAUS\b/, 'Australia'));
    }
  });
});
