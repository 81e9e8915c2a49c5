// The Japanese digest uses full-width punctuation throughout: "許可制（90%）", "自動車輸出 +1,801（+0.2%）", "オーストラリア：
// 3 件の手", "GDP（年率、10億ドル）：+2", the price causes joined by "、". Some lines had half-width ones ("許可制 (90%)",
// "オーストラリア: 3 件の手", "中国の輸出規制 +16.3, 要因の相互作用 +1.3") beside the full-width rest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { content } from './helpers.ts';
import { playGame, type Seats } from '../engine/game.ts';
import { makeAgent } from '../engine/agents/index.ts';
import { COUNTRIES, viewFor, type GameState, type TurnReport } from '../engine/index.ts';
import { setLang } from '../src/ui/i18n.ts';
import { RestrictionMemory } from '../src/ui/story.ts';
import { changeHead, plainNews, sortNews, yourChanges } from '../src/ui/story-news.ts';
import { colon, comma, paren } from '../src/ui/labels.ts';
import { splitText } from '../src/ui/score.ts';
import { describeTerms } from '../src/ui/panels.ts';
import { OBJECTIVES } from '../engine/lite.ts';
import type { TurnScore } from '../src/session/protocol.ts';

/** a half-width comma, colon or parenthesis beside Japanese text */
const HALF = /[\u3000-\u9fff\uff00-\uffef] ?[,:(]|[,:)] ?[\u3000-\u9fff]/;

describe('the Japanese digest’s punctuation', () => {
  beforeAll(() => setLang('ja'));
  afterAll(() => setLang('en'));

  it('the joiners are full-width in Japanese', () => {
    expect(`許可制${paren('90%')}`).toBe('許可制（90%）');
    expect(`オーストラリア${colon()}3 件の手`).toBe('オーストラリア：3 件の手');
    expect(['中国の輸出規制 +16.3', '買いだめ +0.9'].join(comma())).toBe('中国の輸出規制 +16.3、買いだめ +0.9');
  });

  it('every line of the story of two persona games (each country, sixteen turns) has no half-width punctuation', () => {
    const seats = Object.fromEntries(COUNTRIES.map((c) => [c, makeAgent(content, 'persona', c)])) as unknown as Seats;
    const lines: string[] = [];
    for (const seed of [1, 2]) {
      const memory = Object.fromEntries(COUNTRIES.map((c) => [c, new RestrictionMemory()]));
      playGame(content, seed, seats, {
        turns: 16,
        onTurn: (s: GameState, r: TurnReport) => {
          for (const c of COUNTRIES) {
            const view = viewFor(s, c);
            memory[c]!.observe(r.turn, view);
            for (const ch of yourChanges(r, c, view, memory[c]!)) lines.push(changeHead(ch), ...ch.causes);
            const sorted = sortNews(r, c);
            lines.push(...sorted.toYou.map(plainNews), ...sorted.yours.map(plainNews), ...sorted.events.flatMap((e) => [e.title, e.text, e.note ?? '']));
          }
          lines.push(...r.news.map(plainNews));
        },
      });
    }
    expect(lines.filter((l) => /許可制/.test(l)).length, 'the games have licences to name').toBeGreaterThan(0);
    expect(lines.filter((l) => HALF.test(l))).toEqual([]);
  }, 120_000);

  it('the score split and a deal\'s terms list their parts with "、" (the digest said "安全保障 −0.25, 支持率 −0.01")', () => {
    const by = Object.fromEntries(OBJECTIVES.map((o, i) => [o, { total: -0.25 + i * 0.01, change: 0, gap: 0 }]));
    const text = splitText({ score: -0.3, prev: 0, gap: 0, by, weighted: [...OBJECTIVES] } as unknown as TurnScore);
    expect(text).toContain('、');
    expect(HALF.test(text), text).toBe(false);
    const terms = describeTerms([{ type: 'openExports', stage: 'oxide.heavy' }, { type: 'openExports', stage: 'magnet' }]);
    expect(terms).toContain('、');
    expect(HALF.test(terms), terms).toBe(false);
  });
});

// A Japanese player read table headings broken inside words ("NdPr酸化｜物", "ネオジム磁｜石", "磁石の確保率の最低｜値"):
// headings now carry break opportunities at the seams of their words (dom.ts jaBreaks), and keep-all (style.css).
describe('Japanese table headings', () => {
  it('break between words, never inside one or between a number and its unit', async () => {
    const { jaBreaks } = await import('../src/ui/dom.ts');
    const seams = (s: string) => jaBreaks(s).split('\u200b');
    expect(seams('NdPr酸化物')).toEqual(['NdPr', '酸化物']);
    expect(seams('Dy/Tb酸化物')).toEqual(['Dy/Tb', '酸化物']);
    expect(seams('ネオジム磁石')).toEqual(['ネオジム', '磁石']);
    expect(seams('磁石の確保率の最低値')).toEqual(['磁石の', '確保率の', '最低値']);
    expect(seams('事業費（10億ドル）')).toEqual(['事業費（10億ドル）']);
    expect(seams('米国への自動車（千台/年）')).toEqual(['米国への', '自動車（千台/年）']);
    expect(seams('その他の財')).toEqual(['その他の', '財']);
    expect(seams('その他の世界')).toEqual(['その他の', '世界']);
    expect(jaBreaks('cars')).toBe('cars');
  });
});
