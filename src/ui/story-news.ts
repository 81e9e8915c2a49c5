// The digest's story: what happened to the player and why (the three biggest changes, each with its largest specific
// cause, restrictions named with the turn they began), then the events (squared with the ledger: a shock that "halts
// factories" while car output rose says so), the player's own moves, and the others' moves grouped by country.
// Engine news lines are put in plain words (country names, not codes) and in the chosen language. Apart from story.ts,
// whose figures the first screen shows: this loads with the digest, after the map (the page's JavaScript budget).
import { HEADLINES, type CountryId, type CountryView, type Headline, type RegionId, type StageKey, type TurnReport } from '../../engine/lite.ts';
import { jaLines, lang, num, t } from './i18n.ts';
import { causeName, comma, countryIn, countryName, countryOwn, headlineShort, paren, sentence, shareThrough, stageAttr, stageName } from './labels.ts';
import { eventText, eventTitle } from './content-text.ts';
import { fmtChange, restrictionsOn, shownWithCauses, type RestrictionMemory } from './story.ts';

const CODE = '(AUS|CHN|JPN|MYS|USA|ROW)';
const ENGINE_STAGE: Record<string, StageKey> = { 'NdPr ore': 'ore.light', 'Dy/Tb ore': 'ore.heavy', 'NdPr oxide': 'oxide.light', 'Dy/Tb oxide': 'oxide.heavy', magnet: 'magnet' };
const names = (list: string) => list.split(', ').map((c) => countryIn(c)).join(lang() === 'ja' ? '、' : ', ');

/** One engine news line in plain words and the active language (lines it does not know keep the engine's English, with country names). */
export function plainNews(line: string): string {
  // a country inside an English sentence takes its article ("to the United States"), and the sentence starts with a
  // capital ("The United States offers Japan ...")
  // a deal's id said as a deal's ("Japan proposes D6" read as jargon to a class; "deal D6" as the Deals tab says it)
  // a project's id ("Mine expansion P2 (AUS) is complete") names it nowhere else a player looks: the panels and the end
  // screen name projects by kind and place, so the news does too (the engine's line, the CLI's and the exports keep it)
  // whose project it is, in English: "Mine expansion (Australia) is complete" read as the player's own mine expansion
  // in Australia (the Invest tab's "Mine expansion (Australia): 9 quarters left")
  if (lang() !== 'ja') line = line.replace(/^(.+?) (P\d+) \(([A-Z]{3})(?: in ([A-Z]{3}))?\) (is complete|has failed|slips a quarter)/, (_, label: string, id: string, o: string, host: string | undefined, verb: string) => `${label} ${id} (${countryOwn(o)}${host ? `, in ${countryIn(host)}` : ''}) ${verb}`);
  return newsWords(line).replace(/ P\d+(?= \(|:)/, '').replace(/^the (United States|rest of the world)\b/, (_, n: string) => `The ${n}`).replace(/\b(proposes|accepts|rejects) (D\d+)\b/g, '$1 deal $2');
}

function newsWords(line: string): string {
  const ja = lang() === 'ja';
  const jl = jaLines();
  const deal = jl ? (jl.dealNewsJa(line) ?? jl.projectNewsJa(line)) : null;
  if (deal) return deal;
  let m = new RegExp(`^${CODE} bans (.+) exports to (.+)\\.$`).exec(line);
  if (m) return ja ? `${countryName(m[1]!)}が${names(m[3]!)}への${stageName(ENGINE_STAGE[m[2]!] ?? m[2]!)}の輸出を禁止。` : `${countryIn(m[1]!)} bans ${stageAttr(ENGINE_STAGE[m[2]!] ?? m[2]!)} exports to ${names(m[3]!)}.`;
  m = new RegExp(`^${CODE} licenses (\\d+)% of the usual (.+) exports to (.+)\\.$`).exec(line);
  if (m) return ja ? `${countryName(m[1]!)}が${names(m[4]!)}への${stageName(ENGINE_STAGE[m[3]!] ?? m[3]!)}の輸出を許可制に（通常の${m[2]}%）。` : `${countryIn(m[1]!)} licenses ${stageAttr(ENGINE_STAGE[m[3]!] ?? m[3]!)} exports to ${names(m[4]!)}: ${m[2]}% of the usual volume.`;
  m = new RegExp(`^${CODE} reopens (.+) exports to (.+)\\.$`).exec(line);
  if (m) return ja ? `${countryName(m[1]!)}が${names(m[3]!)}への${stageName(ENGINE_STAGE[m[2]!] ?? m[2]!)}の輸出を再開。` : `${countryIn(m[1]!)} reopens ${stageAttr(ENGINE_STAGE[m[2]!] ?? m[2]!)} exports to ${names(m[3]!)}.`;
  m = new RegExp(`^${CODE} (raises|cuts) defen[cs]e spending to ([\\d.]+)% of GDP\\.$`).exec(line);
  if (m) return ja ? `${countryName(m[1]!)}が防衛費をGDPの${m[3]}%に${m[2] === 'raises' ? '引き上げ' : '引き下げ'}。` : `${countryIn(m[1]!)} ${m[2]} defence spending to ${m[3]}% of GDP.`;
  m = new RegExp(`^${CODE} sets its tariffs on ${CODE}: (.+)\\.$`).exec(line);
  if (m) {
    const parts = m[3]!.split(', ').map((p) => {
      const q = /^(.+) ([\d.]+)% \(was ([\d.]+)%\)$/.exec(p);
      if (!q) return p;
      const good = { cars: 'autos', magnets: 'magnets', oxides: 'oxide', ore: 'ore', 'other goods': 'other' }[q[1]!] ?? q[1]!;
      return ja ? `${t(`good.${good}`)} ${q[2]}%（以前 ${q[3]}%）` : `${t(`good.${good}`)} ${q[2]}% (was ${q[3]}%)`;
    });
    return ja ? `${countryName(m[1]!)}が${countryName(m[2]!)}への関税を変更：${parts.join('、')}。` : `${countryIn(m[1]!)} sets its tariffs on ${countryIn(m[2]!)}: ${parts.join(', ')}.`;
  }
  // other engine lines: country codes become names; a negative figure gets the minus sign the rest of the digest uses
  // ("moved the price there by −0.1%", not "-0.1%"), and a percentage said "eighty-..." or "eleven" takes "an";
  // a new sentence starts with a capital, a clause after a semicolon does not, and "the United States’" is possessive
  return line
    .replace(/\b(AUS|CHN|JPN|MYS|USA|ROW)\b(?!-)/g, (c) => countryIn(c))
    .replace(/(\. )the (United States|rest of the world)\b/g, (_, p: string, n: string) => `${p}The ${n}`)
    .replace(/\bUnited States's\b/g, 'United States’')
    .replace(/(^|[\s(])-(?=\d)/g, '$1−')
    .replace(/\b([Aa]) ((?:8\d?|11|18)(?:\.\d+)?%)/g, '$1n $2');
}

/** The lever against a leak found through the player's country (an engine line "CHN finds about 3.4 t of its Dy/Tb oxide
 * reaching JPN through AUS, round its export controls."): a licence on the player's own exports to the destinations,
 * which closes the route (transshipment goes only through a country that leaves the destination open:
 * engine/market/problem.ts). Null for any other line. */
export function leakHint(line: string, me: CountryId): string | null {
  const m = new RegExp(`^${CODE} finds about .+ through ${CODE}, round its export controls\\.$`).exec(line);
  return m && m[2] === me && m[1] !== me ? t('digest.leakHint', { who: countryIn(m[1]!) }) : null;
}

/** Under a deal's acceptance in the player's digest: a share of output the other side made none of this quarter
 * (Australia's NdPr oxide) brings nothing. The deal form said so as it was chosen; the acceptance said nothing, and a
 * new player took the deal for a win the end screen scored at 0. */
export function offtakeHint(line: string, me: CountryId, view: CountryView | null | undefined, round = false): string | null {
  const m = new RegExp(`^${CODE} accepts (D\\d+):`).exec(line);
  const d = m && view?.deals.find((x) => x.id === m[2] && x.status === 'active' && (x.from === me || x.to === me));
  if (!d) return null;
  const other = d.from === me ? d.to : d.from;
  const mine = d.from === me ? d.get : d.give; // what the other side commits to me
  for (const k of mine)
    if (k.type === 'offtake') {
      const made = Object.values(view!.flows[k.stage]?.[other] ?? {}).reduce((a, b) => a + b, 0);
      if (!(made > 0)) return t(round ? 'digest.offtakeNoneRound' : 'digest.offtakeNone', { who: countryName(other), what: stageAttr(k.stage), id: d.id });
    }
  return null;
}

/** The restriction in words: "China's ban on Dy/Tb oxide and NdFeB magnets to Japan (in force since turn 1)". */
/** A restriction named again in the same box, after restrictionText named it in full: "China’s licence, as above". */
export function restrictionAgain(r: ReturnType<typeof restrictionsOn>[number]): string {
  return t('digest.restrictionAgain', { who: countryOwn(r.who), level: r.level === 'banned' ? (lang() === 'ja' ? '禁止' : 'ban') : lang() === 'ja' ? '許可制' : 'licence' });
}

export function restrictionText(r: ReturnType<typeof restrictionsOn>[number], me: RegionId, since: number | undefined, turn: number): string {
  // licences of different shares give each good its own ("licence on Dy/Tb oxide (90% let through) and NdFeB magnets (96%
  // let through)"), not one share for all (the scenario's 96% on magnets read as 90%); the share is what goes through
  // ("licence (90%)" read as a 90% cut)
  const each = r.level === 'licensed' && r.shares.some((x) => x !== r.shares[0]);
  const what = t('digest.restrictionOn', {
    who: countryOwn(r.who),
    level: r.level === 'banned' ? (lang() === 'ja' ? '禁止' : 'ban') : `${lang() === 'ja' ? '許可制' : 'licence'}${each ? '' : paren(shareThrough(r.share))}`,
    what: r.stages.map((s, i) => `${stageName(s)}${each ? paren(shareThrough(r.shares[i])) : ''}`).join(lang() === 'ja' ? '・' : ' and '),
    to: countryIn(me),
  });
  if (since === undefined) return t('digest.inForce', { what });
  // in force before the game began (turn 0): a standing condition, not a delayed effect of something that happened
  if (since < 1) return t('digest.sinceStart', { what });
  return since < turn ? t('digest.delayed', { what: t('digest.since', { what, turn: since }) }) : what;
}

export interface Change {
  hd: Headline;
  change: number;
  rel: number;
  /** the largest causes in words, with their amounts */
  causes: string[];
}

/** The ledger's remainders (what its causes leave of a change): never named as a cause. */
const REMAINDERS = new Set(['rounding', 'rounding and limits']);

/** The player's three largest relative changes, each with its two largest causes named concretely. */
export function yourChanges(report: TurnReport, me: CountryId, view: (Pick<CountryView, 'country' | 'others'> & { self?: Pick<CountryView['self'], 'policies'> }) | null, memory: RestrictionMemory | null): Change[] {
  const rs = view ? restrictionsOn(view) : [];
  // where this quarter's magnets went missing: the magnet-supply ledger's largest fall (a country's magnets, or less
  // drawing on inventories); a fall in car output for want of magnets is put down to a restriction only when the
  // magnets missing came mostly from the restricting country (a typhoon at Japan's plants is not China's licence)
  const ms = report.headlines[me].magnetSupplyRatio;
  const worst = ms.causes.filter((c) => c.amount < 0 && !REMAINDERS.has(c.cause)).sort((a, b) => a.amount - b.amount)[0];
  const worstFrom = /^magnets from (\w{3})$/.exec(worst?.cause ?? '')?.[1];
  const out: Change[] = [];
  // each restriction's full words, and its short ones for a second mention in the box (after the sort below)
  const again = new Map<string, string>();
  for (const hd of HEADLINES) {
    const x = report.headlines[me][hd];
    const rel = hd === 'approval' || hd === 'security' ? x.change / 100 : hd === 'magnetSupplyRatio' ? x.change : x.prev !== 0 ? x.change / Math.abs(x.prev) : 0;
    if (Math.abs(rel) < 0.0005) continue;
    // a cause that would read "−0.0" says nothing: left out
    // the change as its figures shown differ, and each cause as its why ledger shows it (rounded to add up to that):
    // the box said "magnets from China −5.2" beside the ledger's −5.1, and a change of −2.1 beside the tab's −2.0
    const { shown, amounts } = shownWithCauses(hd, x);
    if (shown === 0) continue; // its figures shown do not differ: "Approval ±0: prices +0.8; events −0.8" said nothing
    // (by position: each cause's own rounded amount, even where two causes are one object)
    const named = x.causes.map((c, i) => ({ c, a: amounts[i]! })).filter(({ c, a }) => Math.abs(c.amount) >= 0.1 * Math.abs(x.causes[0]?.amount ?? 0) && !REMAINDERS.has(c.cause) && /[1-9]/.test(fmtChange(hd, a))).slice(0, 2);
    // what the named causes leave unexplained (the ledger's remainder, smaller causes): said when it is a
    // sizeable part of the change, so that the line adds up ("−5.7: +11.6 ...; −7.2 ...; other causes −10.1")
    const rest = shown - named.reduce((a, n) => a + n.a, 0);
    const causes = named
      .map(({ c, a: amount }) => {
        let words = causeName(c.cause, me);
        const from = /^magnets from (\w{3})$/.exec(c.cause)?.[1];
        // a fall in supply from a country that restricts you, or a run-down of inventories under a restriction: name it.
        // Less drawing on inventories in a quarter when supply rose is not a run-down (more magnets came, less stock was
        // needed): no restriction named then
        const runDown = c.cause === 'inventories' && x.change < 0;
        const forCars = c.cause === 'magnet supply';
        const r = rs.find((q) => (from ? q.who === from : forCars ? q.who === worstFrom || (worst?.cause === 'inventories' && ms.change < 0) : runDown) && q.stages.some((s) => s === 'magnet' || s.startsWith('oxide')));
        // the player's own tariff on those magnets cuts them too: named first, so a fall the player caused is not
        // put down to the other side's licence alone
        // (the car plants' want of magnets too, when they went missing mostly from that country: the tariff was left
        // out there, and a play-tester's own 25% tariff read as China's licence alone)
        const src = from ?? (forCars ? worstFrom : undefined);
        const own = src ? view?.self?.policies.tariffs[src as RegionId]?.magnets : undefined;
        const why = [own !== undefined && own >= 10 && c.amount < 0 ? t('digest.yourTariff', { pct: num(own), who: countryIn(src!) }) : '', r && c.amount < 0 ? restrictionText(r, me, memory?.sinceOf(r), report.turn) : ''].filter(Boolean);
        if (r && c.amount < 0) again.set(why.at(-1)!, restrictionAgain(r));
        // no restriction to name: say where the magnets went missing, if a country's magnets did
        if (forCars && !r && c.amount < 0 && worstFrom) why.push(t('digest.mostlyFrom', { who: countryIn(worstFrom) }));
        // joined by "and", not "; ", which separates the causes: "your 25% tariff on magnets from China;" read as a
        // cause of its own with no amount
        if (why.length) words += ` — ${why.join(lang() === 'ja' ? '、' : ' and ')}`;
        if (c.cause === 'events' && report.events.length) words += paren(report.events.map(eventTitle).join(lang() === 'ja' ? '、' : '; '));
        return `${words} ${fmtChange(hd, amount)}`;
      });
    // (against the change, not the largest cause: "−2.9: −15.1; +11.0" left 1.2 out, under a fifth of the 15.1)
    if (named.length && Math.abs(rest) >= 0.05 * Math.abs(shown) && fmtChange(hd, rest).replace(/[^1-9]/g, '') !== '') causes.push(`${t('digest.otherEffects')} ${fmtChange(hd, rest)}`);
    out.push({ hd, change: shown, rel, causes });
  }
  const shown = out.sort((a, b) => Math.abs(b.rel) - Math.abs(a.rel)).slice(0, 3);
  // a restriction is said in full once a box, then "China’s licence, as above" (the same 16-word licence three times in
  // one box was hard to scan)
  const said = new Set<string>();
  for (const ch of shown)
    ch.causes = ch.causes.map((cause) => {
      let out = cause;
      for (const [full, short] of again) if (out.includes(full)) out = said.has(full) ? out.replace(full, short) : (said.add(full), out);
      return out;
    });
  return shown;
}

/** A headline change as a sentence head: "Magnet supply −12.0 points". */
export function changeHead(c: Change): string {
  const name = headlineShort(c.hd);
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${fmtChange(c.hd, c.change)}${c.hd === 'gdp' || c.hd === 'autoProduction' || c.hd === 'autoExports' ? paren(`${c.rel >= 0 ? '+' : '−'}${num(Math.abs(c.rel) * 100, 1)}%`) : ''}`;
}

/** A country's defence spending set for the quarter: routine, folded. Only that line: a deal whose terms name defence
 * spending ("... for defence spending of at least 1.5% of GDP") was counted as routine and kept from its proposer. */
const ROUTINE = /^[A-Z]{3} (raises|cuts) defen[cs]e spending to /;

/** The news sorted into the story's parts. */
export function sortNews(report: TurnReport, me: CountryId): { toYou: string[]; toYouBy: Map<string, number>; events: { title: string; text: string; note?: string }[]; yours: string[]; steps: string[]; others: Map<string, { lines: string[]; routine: number }> } {
  const eventLines = new Set(report.events.map((e) => `${e.title}: ${e.text}`));
  const toYou: string[] = [];
  const yours: string[] = [];
  // the player's projects' own steps, not orders: a programme's stage passed or failed (and the next one started, paid
  // from the budget), a project complete, failed or slipping a quarter (a player read "Magnet recycling slips a quarter"
  // under "Your moves"), mud lifting suspended
  const steps: string[] = [];
  const own = new RegExp(`^${me}'s [^:]+ programme P\\d+: |^[^(:]+ P\\d+ \\(${me}\\b[^)]*\\) (is complete|has failed|slips a quarter)|^${me}'s deep-sea mud lifting is suspended`);
  const others = new Map<string, { lines: string[]; routine: number }>();
  // how many of each country's moves are listed among those aimed at the player (its folded group then counts "more")
  const toYouBy = new Map<string, number>();
  // a leak found going through the player's country is about it too (it raises the tension with the country that found
  // it); an answer to the player's own proposal ("JPN accepts D25: USA offers JPN ...") is news to the player, not one
  // of the answering country's moves folded away (a rejection names the proposer: "... from USA")
  const aimed = new RegExp(`(to|on) (\\w{3}, )*${me}\\b|to everyone|\\b${me}'s\\b|to ${me}:|from ${me}\\b|through ${me}\\b|: ${me} offers `);
  for (const line of report.news) {
    if (eventLines.has(line)) continue;
    // a line about a country's project names it in brackets after the project ("Magnet recycling P7 (JPN) is complete.")
    const who = /^(AUS|CHN|JPN|MYS|USA|ROW)\b/.exec(line)?.[1] ?? /^[^(:]+ P\d+ \((AUS|CHN|JPN|MYS|USA|ROW)\b/.exec(line)?.[1];
    if (who === me) (own.test(line) ? steps : yours).push(line);
    else if (who && aimed.test(line) && !ROUTINE.test(line)) {
      toYou.push(line);
      toYouBy.set(who, (toYouBy.get(who) ?? 0) + 1);
    }
    // the US-China track (escalation, truce) is about the player when the player is one of the two
    else if (!who && /^US-China track\b/.test(line) && (me === 'USA' || me === 'CHN')) toYou.push(line);
    else {
      const k = who ?? '';
      const g = others.get(k) ?? { lines: [], routine: 0 };
      g.lines.push(line);
      if (ROUTINE.test(line)) g.routine++;
      others.set(k, g);
    }
  }
  // an event that names the player's country and hurts production, in a quarter its car output still rose: say so
  const cars = report.headlines[me].autoProduction;
  const meName = { JPN: /Japan/, USA: /\bUS\b|United States|American/, CHN: /China|Chinese/, AUS: /Australia/, MYS: /Malaysia/ }[me];
  const events = report.events.map((e) => {
    const hurts = /halt|shut|clos|lose production|disrupt|strike/i.test(e.text) && meName.test(`${e.title} ${e.text}`);
    // the test reads the content's English; the player reads the active language
    // the change and its causes as the box above says them (the change its shown figures make, the causes rounded to
    // add up to it): "car output +88,364" above read "rose by 88,363" here (a walkthrough)
    const { shown, amounts } = shownWithCauses('autoProduction', cars);
    if (!hurts || shown <= 0) return { title: eventTitle(e), text: eventText(e) };
    const causes = cars.causes.map((c, i) => ({ c, a: amounts[i]! })).filter(({ c }) => !REMAINDERS.has(c.cause)).slice(0, 3).map(({ c, a }) => `${causeName(c.cause)} ${fmtChange('autoProduction', a)}`).join(comma());
    return { title: eventTitle(e), text: eventText(e), note: t('digest.despite', { country: sentence(countryOwn(me)), n: num(shown), causes }) };
  });
  return { toYou, toYouBy, events, yours, steps, others };
}
