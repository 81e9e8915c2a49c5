// The debrief's discussion prompts in the active language: the server sends each as a catalogue key and raw values
// (country codes, stage keys, event ids, numbers: src/server/prompts.ts), worded here like the rest of the page.
import { fmt } from '../ui/dom.ts';
import { eventTitle } from '../ui/content-text.ts';
import { countryIn, sentence, stageName } from '../ui/labels.ts';
import { lang, t } from '../ui/i18n.ts';
import { c, num, pct, usd } from './words.ts';

export interface PromptItem { key: string; v: Record<string, string | number | number[]> }

export function promptText(p: PromptItem): string {
  const v = p.v;
  const s = (k: string) => String(v[k] ?? '');
  const n = (k: string) => Number(v[k] ?? 0);
  const who = (k: string) => (s(k) === '*' ? t('country.everyone') : countryIn(s(k)));
  const worlds = (xs: number[]) => {
    const w = xs.map((x) => c('prompt.missingWorld', { n: num(x) }));
    return w.length < 2 ? w.join('') : `${w.slice(0, -1).join(c('list'))}${c('and')}${w[w.length - 1]}`;
  };
  const values: Record<string, string | number> = {
    world: num(n('world')),
    hiWorld: num(n('hiWorld')),
    loWorld: num(n('loWorld')),
    other: num(n('other')),
    n: num(n('n')),
    of: num(n('of')),
    date: s('date'),
    since: s('since') || c('prompt.firstRound'),
    every: n('every') ? c('prompt.every') : '',
    // a peak the price fell well back from: dated, and the end said
    peakAt: v.back ? c('prompt.peakAt', { date: s('peakAt') }) : '',
    back: v.back ? c('prompt.back', { end: usd(n('end')), date: s('endAt') }) : '',
    // a class of one world names none (a prompt from before the server sent `worlds` names it, as it did)
    inWorld: v.worlds === 1 ? '' : c('prompt.inWorld', { n: num(n('world')) }),
  };
  if (v.who !== undefined) Object.assign(values, { who: who('who'), Who: sentence(who('who')) });
  if (v.target !== undefined) values.target = who('target');
  if (v.hit !== undefined) values.hit = who('hit');
  if (v.what !== undefined) values.what = stageName(s('what'));
  if (v.title !== undefined) values.title = eventTitle({ id: s('id'), title: s('title') });
  if (Array.isArray(v.missing)) values.missing = worlds(v.missing);
  if (v.pct !== undefined) values.pct = pct(n('pct'));
  // scores are signed points; prices whole dollars
  if (v.best !== undefined) Object.assign(values, { best: who('best'), Best: sentence(who('best')), worst: who('worst') });
  if (p.key === 'differ' || p.key === 'differBot' || p.key === 'bestWorst' || p.key === 'bestWorstSoFar') Object.assign(values, { hi: fmt.signed(n('hi'), 2), lo: fmt.signed(n('lo'), 2) });
  else for (const k of ['hi', 'lo', 'peak', 'end', 'first', 'base']) if (v[k] !== undefined) values[k] = usd(n(k));
  const out = c(`prompt.${p.key}`, values);
  // a Japanese sentence takes no spaces the English template's word breaks left
  return lang() === 'ja' ? out.replace(/ {2,}/g, ' ') : out;
}
