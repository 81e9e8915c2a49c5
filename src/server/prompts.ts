// Discussion prompts for the debrief, drawn from what happened in the class's worlds: where the same country's score
// differed most, the first export ban or tariff rise and the answers to it, events one world saw and another did not,
// the price paths, and seats the bots played.
import { COUNTRIES, type CountryId } from '../../engine/index.ts';
import { fmt } from '../ui/dom.ts';
import type { ClassRoom } from './classroom.ts';
import type { WorldSeries } from './debrief.ts';

const NAME: Record<CountryId, string> = { AUS: 'Australia', CHN: 'China', JPN: 'Japan', MYS: 'Malaysia', USA: 'the United States' };
const STAGE: Record<string, string> = { 'ore.light': 'NdPr ore', 'ore.heavy': 'Dy/Tb ore', 'oxide.light': 'NdPr oxide', 'oxide.heavy': 'Dy/Tb oxide', magnet: 'magnets' };
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
const signed = (x: number) => fmt.signed(x, 2);
/** A magnet supply (share of need) as the game page writes it (supplyPct in src/ui/labels.ts): "96.5%", "100%". */
const supplyWords = (m: number) => {
  const r = Math.round(m * 1000) / 10;
  return r >= 100 ? '100%' : `${r}%`;
};

/** A prompt as the debrief page words it in its own language: its catalogue key (classroom.prompt.*) and raw values
 * (country codes, stage keys, event ids, numbers), which the page formats. */
export interface PromptItem { key: string; v: Record<string, string | number | number[]> }

export function discussionPrompts(cls: ClassRoom, worlds: WorldSeries[], baseline?: { dytb: number[] }): string[] {
  return promptItems(cls, worlds, baseline).map((p) => p.text);
}

/** `baseline`: the status-quo path of world 1's seed over the same rounds (every country keeping its policies), which
 * a price prompt is set against: a rise the class's choices did not cause is not put to the class as theirs. */
export function promptItems(cls: ClassRoom, worlds: WorldSeries[], baseline?: { dytb: number[] }): (PromptItem & { text: string })[] {
  const out: (PromptItem & { text: string })[] = [];
  // `worlds`: how many the class has; a page names a world only where there are several (promptText's inWorld)
  const say = (text: string, key: string, v: PromptItem['v']) => out.push({ text, key, v: { ...v, worlds: cls.worlds.length } });
  const inWorld = (n: number) => (cls.worlds.length > 1 ? ` in world ${n}` : '');
  const last = (xs: number[]) => xs[xs.length - 1] ?? 0;
  const multi = worlds.length > 1;

  // 1. the country whose score differed most between worlds
  if (multi) {
    let best: { c: CountryId; hi: WorldSeries; lo: WorldSeries; gap: number } | null = null;
    for (const c of COUNTRIES) {
      const sorted = [...worlds].sort((a, b) => last(b.scores[c]) - last(a.scores[c]));
      const gap = last(sorted[0].scores[c]) - last(sorted[sorted.length - 1].scores[c]);
      if (!best || gap > best.gap) best = { c, hi: sorted[0], lo: sorted[sorted.length - 1], gap };
    }
    if (best && best.gap > 0.005) {
      const v = { who: best.c, hi: last(best.hi.scores[best.c]), hiWorld: best.hi.index + 1, lo: last(best.lo.scores[best.c]), loWorld: best.lo.index + 1 };
      const head = `${cap(NAME[best.c])} scored ${signed(v.hi)} in world ${v.hiWorld} and ${signed(v.lo)} in world ${v.loWorld}, from the same start`;
      // a bot played the seat for a while in one of the two (the one it played longer): the difference may be the
      // bot's, not the students' (a walkthrough's prompt asked about decisions where the table said "no orders")
      // (only a seat students play: a seat with none is a bot's throughout, in every world, and "the students'" would
      // name nobody)
      const played = [best.hi, best.lo].every((w) => (cls.seats[w.index]?.find((x) => x.country === best!.c)?.students.length ?? 0) > 0);
      const [b, bw] = [best.hi, best.lo].map((w) => [w.botTurns?.[best!.c] ?? 0, w] as const).sort((x, y) => y[0] - x[0])[0]!;
      if (played && b > 0) say(`${head}, a bot playing ${b} of its ${bw.dates.length} quarters in world ${bw.index + 1}. Which decisions made the difference, the students' or the bot's?`, 'differBot', { ...v, n: b, of: bw.dates.length, world: bw.index + 1 });
      else say(`${head}. Which decisions made the difference?`, 'differ', v);
    }
  }

  // 2. the first export ban, and how the country it hit answered in each world
  const bans: { w: number; turn: number; date: string; who: CountryId; to: string; stage: string }[] = [];
  cls.worlds.forEach((world, w) => {
    world.orders.forEach((o, i) => {
      for (const who of COUNTRIES)
        for (const [to, stages] of Object.entries(o[who]?.exportControls ?? {}))
          for (const [stage, v] of Object.entries(stages ?? {})) if (v === 'banned' && !bans.some((b) => b.w === w)) bans.push({ w, turn: i + 1, date: world.reports[i].date, who, to, stage });
    });
  });
  if (bans.length) {
    const b = bans.sort((x, y) => x.turn - y.turn)[0];
    const target = b.to === '*' ? 'everyone' : NAME[b.to as CountryId] ?? b.to;
    const others = worlds.filter((x) => x.index !== b.w).map((x) => x.index + 1);
    const hit = b.to !== '*' && (COUNTRIES as readonly string[]).includes(b.to);
    const params = { world: b.w + 1, who: b.who, what: b.stage, target: b.to, date: b.date, ...(hit ? { hit: b.to } : {}), ...(hit && others.length ? { other: others[0] } : {}) };
    // a class of one world: no world to name, nor another to compare with ("Compare Japan's answers in world 1")
    if (cls.worlds.length === 1) say(`${cap(NAME[b.who])} banned ${STAGE[b.stage] ?? b.stage} to ${target} in ${b.date}.${hit ? ` How did ${NAME[b.to as CountryId]} answer, and what did the ban cost each side?` : ''}`, hit ? 'banAnswerOne' : 'banOne', params);
    else {
      const answer = hit ? ` Compare ${NAME[b.to as CountryId]}'s answers in world ${b.w + 1}${others.length ? ` and world ${others[0]}` : ''}.` : '';
      say(`World ${b.w + 1}'s ${NAME[b.who]} banned ${STAGE[b.stage] ?? b.stage} to ${target} in ${b.date}.${answer}`, hit ? (others.length ? 'banAnswer2' : 'banAnswer') : 'ban', params);
    }
  }

  // 3. an event one world saw and another did not
  if (multi) {
    const seen = worlds.map((x) => new Set(x.events.map((e) => e.title)));
    for (const x of worlds) {
      const e = x.events.find((ev) => seen.some((s, i) => i !== x.index && !s.has(ev.title)));
      if (e) {
        const missing = worlds.filter((y) => !seen[y.index].has(e.title)).map((y) => `world ${y.index + 1}`);
        say(`World ${x.index + 1} saw "${e.title}" in ${e.date}; ${missing.join(' and ')} did not. Was it luck, or did the players' choices bring it about?`, 'event', { world: x.index + 1, id: e.id, title: e.title, date: e.date, missing: worlds.filter((y) => !seen[y.index].has(e.title)).map((y) => y.index + 1) });
        break;
      }
    }
  }

  // 4. the heavy rare-earth price: the highest peak against the status quo
  // (a path needs two rounds: a class ended after one was told the price "stayed at" its only figure)
  const peak = worlds.map((x) => ({ x, p: Math.max(...x.dytb, 0) })).sort((a, b) => b.p - a.p)[0];
  if (peak && peak.p > 0 && (multi || peak.x.dytb.length > 1 || peak.x.start !== undefined)) {
    const low = worlds.map((x) => ({ x, p: Math.max(...x.dytb, 0) })).sort((a, b) => a.p - b.p)[0];
    const differ = multi && peak.p - low.p > 0.01 * peak.p;
    // the same path everywhere: say which way it went (a price that never rose above its start did not "rise to" it)
    // from before the first round where the series has it (debrief.ts start): the first round's own jump counts
    const first = peak.x.start?.dytb ?? peak.x.dytb[0] ?? 0;
    const end = last(peak.x.dytb);
    const since = `${peak.x.start?.date ?? peak.x.dates[0] ?? 'the first round'}`;
    const every = multi ? ' in every world, whatever the players did' : '';
    // a peak the price fell well back from is dated, and the end said (a class compared "rose to $928" with the $557 the
    // projector showed at the end); one world's only: in every world the peaks fall in different quarters
    const peakAt = peak.x.dates[peak.x.dytb.indexOf(peak.p)] ?? '';
    const fellBack = !multi && peakAt !== '' && end < peak.p * 0.97;
    const back: Record<string, string | number> = fellBack ? { peakAt, back: 1, endAt: peak.x.dates[peak.x.dates.length - 1] ?? '' } : {};
    const path =
      peak.p > first * 1.01
        ? `rose to $${Math.round(peak.p)}/kg${fellBack ? ` in ${peakAt}` : ''}${every}, from $${Math.round(first)} in ${since}${fellBack ? `, and ended at $${Math.round(end)}/kg in ${peak.x.dates[peak.x.dates.length - 1] ?? ''}` : ''}`
        : end < first * 0.99
          ? `fell to $${Math.round(end)}/kg${every}, from $${Math.round(first)} in ${since}`
          : `stayed at about $${Math.round(first)}/kg${every} from ${since}`;
    const kind = peak.p > first * 1.01 ? 'rose' : end < first * 0.99 ? 'fell' : 'stayed';
    // against the status quo: a rise to within 2% of its path's happened whatever the class did (a teacher's question
    // "could any country have changed that?" beside a chart whose status-quo line lay on the class's)
    // (world 1's seed's path: only where every world started from that seed)
    const sameStart = worlds.every((x) => x.seed === worlds[0].seed);
    const baseFig = !baseline || !sameStart || kind === 'stayed' || !baseline.dytb.length ? null : kind === 'rose' ? Math.max(...baseline.dytb) : last(baseline.dytb);
    const classFig = kind === 'rose' ? peak.p : end;
    const vsBase = baseFig === null || !(baseFig > 0) ? '' : Math.abs(classFig / baseFig - 1) < 0.02 ? 'Anyway' : 'Base';
    const baseWords = vsBase === 'Anyway' ? `, as it would have with every country keeping its policies ($${Math.round(baseFig!)}/kg). What drove it, if not the players, and who ${kind === 'rose' ? 'paid for it' : 'gained from it'}?` : `; with every country keeping its policies it would have ${kind === 'rose' ? 'peaked at' : 'ended at'} $${Math.round(baseFig ?? 0)}/kg. Which decisions made the difference, and who ${kind === 'rose' ? 'paid for it' : 'gained from it'}?`;
    const more = kind === 'rose' ? back : {};
    if (differ) say(`Dy/Tb oxide outside China peaked at $${Math.round(peak.p)}/kg in world ${peak.x.index + 1} and at $${Math.round(low.p)}/kg in world ${low.x.index + 1}. Who paid for the difference, and who gained?`, 'dytbDiffer', { hi: Math.round(peak.p), hiWorld: peak.x.index + 1, lo: Math.round(low.p), loWorld: low.x.index + 1 });
    else if (vsBase) say(`Dy/Tb oxide outside China ${path}${baseWords}`, `${kind}${vsBase}`, { peak: Math.round(peak.p), end: Math.round(end), first: Math.round(first), base: Math.round(baseFig!), since: peak.x.start?.date ?? peak.x.dates[0] ?? '', every: multi ? 1 : 0, ...more });
    else say(`Dy/Tb oxide outside China ${path}. Could any country have changed that, and who ${peak.p > first * 1.01 ? 'paid for it' : 'gained from it'}?`, kind, { peak: Math.round(peak.p), end: Math.round(end), first: Math.round(first), since: peak.x.start?.date ?? peak.x.dates[0] ?? '', every: multi ? 1 : 0, ...more });
  }

  // 5. seats the bots played
  const botted = worlds.flatMap((x) => COUNTRIES.filter((c) => x.botTurns[c] > 0 && cls.seats[x.index].find((s) => s.country === c)!.students.length > 0).map((c) => ({ x, c, n: Math.ceil(x.botTurns[c] / cls.k) })));
  if (botted.length) {
    const b = botted.sort((a, b2) => b2.n - a.n)[0];
    say(`A bot played ${NAME[b.c]}${inWorld(b.x.index + 1)} for ${b.n} round${b.n > 1 ? 's' : ''} (its recorded behaviour). Did it play differently from the students?`, b.n > 1 ? 'botMany' : 'botOne', { who: b.c, world: b.x.index + 1, n: b.n });
  }
  // three prompts at least where the class gives them (a one-world class with a bot had two)
  if (out.length < 3) {
    const magnet = worlds.map((x) => ({ x, m: Math.min(...x.magnetSupply.JPN, 1) })).sort((a, b) => a.m - b.m)[0];
    // "fell as low as" only if it fell, from before the first round where the series has it (debrief.ts start: a ban in
    // round 1 took Japan from 99.6% to 64%, and "was 64% from the first round" sat beside a chart from 99.6%)
    const fell = magnet && magnet.m < (magnet.x.start?.magnetSupply.JPN ?? magnet.x.magnetSupply.JPN[0] ?? 1) - 0.005;
    if (magnet && fell) say(`Japan's magnet supply fell as low as ${supplyWords(magnet.m)} of need${inWorld(magnet.x.index + 1)}. What could it have done earlier?`, 'magnetFell', { pct: magnet.m, world: magnet.x.index + 1 });
    else if (magnet && magnet.m < 0.995 && magnet.x.magnetSupply.JPN.length > 1) say(`Japan's magnet supply was ${supplyWords(magnet.m)} of need${inWorld(magnet.x.index + 1)} from the first round. What could it have done about it?`, 'magnetShort', { pct: magnet.m, world: magnet.x.index + 1 });
  }
  // 6. the best and the worst score of a world: what one did that the other did not
  if (out.length < 3) {
    const x = worlds[0];
    // among the seats students played (a bot's seat all game is no question for the class), and only a clear best and
    // worst (two bots tied at +0.01 gave "Australia ended with the best score")
    const played = (c: CountryId) => !(x.dates.length > 0 && x.botTurns[c] >= x.dates.length);
    const byScore = x ? COUNTRIES.filter(played).sort((a, b) => last(x.scores[b]) - last(x.scores[a]) || a.localeCompare(b)) : [];
    const [best, worst] = [byScore[0], byScore[byScore.length - 1]];
    // clear as shown, to 0.01 (China +0.004 and Japan -0.002 read "China ended with the best score (±0.00)" beside
    // Japan's ±0.00)
    const shown = (c: CountryId) => Math.round(last(x.scores[c]) * 100);
    const clear = (a?: CountryId, b?: CountryId) => !a || !b || shown(a) !== shown(b);
    // a world still playing has the best score so far, not the one it "ended with"
    const soFar = cls.status !== 'ended' && !cls.worlds[x.index]?.over;
    if (best && worst && byScore.length > 1 && shown(best) > shown(worst) && clear(best, byScore[1]) && clear(worst, byScore[byScore.length - 2]))
      say(`${cap(NAME[best])} ${soFar ? 'has' : 'ended with'} the best score${inWorld(x.index + 1)}${soFar ? ' so far' : ''} (${signed(last(x.scores[best]))}) and ${NAME[worst]} ${soFar ? '' : 'with '}the worst (${signed(last(x.scores[worst]))}). What did ${NAME[best]} do that ${NAME[worst]} did not, and could ${NAME[worst]} have done it?`, soFar ? 'bestWorstSoFar' : 'bestWorst', { best, hi: last(x.scores[best]), worst, lo: last(x.scores[worst]), world: x.index + 1 });
  }
  return out.slice(0, 5);
}
