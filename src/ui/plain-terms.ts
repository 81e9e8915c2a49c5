// The truce's "Nash terms" in the digest's English, in plain words for a class: the engine's lines (engine/leverage.ts
// whyLine(), agents/truce.ts) name the Nash bargaining terms and the "US hand" index; a student reads "fair terms" (the
// terms that share the gain of peace evenly) and the costs. The Japanese readers say the same (project-news.ts,
// deal-news.ts). In the digest's chunk (loaded after the map), not the page's first code.
const N = '[+−-]?[\\d.]+';

/** A news line (plainNews()'s English) with its Nash terms and the US hand index in plain words; any other line as
 * it was. */
export function plainTerms(line: string): string {
  return line
    .replace(new RegExp(`; (the US|China) has less to lose \\(US hand ${N}\\), so the Nash terms of a truce ask (?:the US to cut its tariff on Chinese goods by ([\\d.]+) points|no tariff cut of the US)`), (_, who: string, cut?: string) => `; ${who} has less to lose, so fair terms for a truce (sharing the gain of peace evenly) ${cut ? `have the US cut its tariff on Chinese goods by ${cut} points` : 'ask no tariff cut of the US'}`)
    .replace(new RegExp(`near the Nash terms \\(a cap of ([\\d.]+)%\\): escalation would cost the US (USD [\\d.]+ bn) a year and China (USD [\\d.]+ bn); US hand ${N}`), 'close to fair terms (a tariff cap of $1%): a year of escalation would cost the US $2 and China $3')
    .replace(new RegExp(`the Nash terms are ([\\d.]+)% \\(US hand ${N}\\); counter-offer at ([\\d.]+)%`), 'fair terms are a cap of $1%, so it offers $2%')
    .replace(new RegExp(`^The US's hand with China (strengthens|weakens) \\(${N} -> ${N}\\): `), (_, w: string) => `A squeeze by China would now hurt the US ${w === 'strengthens' ? 'less' : 'more'}, set against what it would cost China: `)
    // a change reads "40% → 35%", not the engine's ASCII "40% -> 35%" (last: the patterns above read the engine's)
    // the track's shares are of what the US buys, traced to where it was mined (engine/leverage.ts usShares), not of
    // its imports by seller as the briefing's figure is: said so (a player read 44% here against the briefing's 36%)
    .replace(/ \((\d+)% of its rare earths from China, (\d+)% from Japan\)/, ' ($1% of the rare earths it buys were mined in China, wherever refined or made into magnets; $2% are made in Japan from ore mined elsewhere)')
    .replace(/: US rare earths from China (\d+)% -> (\d+)%(?:, from Japan (\d+)% -> (\d+)%)?/, (_, a: string, b: string, c?: string, d?: string) => `: rare earths the US buys that were mined in China ${a}% -> ${b}%${c ? `, made in Japan from ore mined elsewhere ${c}% -> ${d}%` : ''}`)
    .replace(/ -> /g, ' → ');
}
