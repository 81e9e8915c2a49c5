// `analyze` clipped its widest column to fit 100 characters: rows whose "others play" differed only at their ends all
// read "AUS=persona CHN=…". A cell wider than its column now wraps at its spaces onto the next lines.
import { describe, expect, it } from 'vitest';
import { textTable } from '../src/analysis/format.ts';

describe('a text table narrower than its cells', () => {
  const rows = [
    ['AUS=persona CHN=persona JPN=persona MYS=persona USA=hawk', 'persona', '1.01'],
    ['AUS=persona CHN=persona JPN=persona MYS=persona USA=free-trader', 'hawk', '2.449'],
  ];
  it('wraps the long cells, keeps every word and every line within the width', () => {
    const out = textTable(['others play', 'best', 'mean'], rows, 40, [false, false, true]);
    for (const l of out) expect(l.length, l).toBeLessThanOrEqual(40);
    expect(out.join(' ')).not.toContain('…');
    const text = out.join('\n');
    expect(text).toContain('USA=hawk');
    expect(text).toContain('USA=free-trader');
    // each row starts on a line of its own with its best and mean beside its first line
    expect(out.some((l) => /^ {2}AUS=persona\s+persona\s+1\.01$/.test(l))).toBe(true);
    expect(out.some((l) => /^ {2}AUS=persona\s+hawk\s+2\.449$/.test(l))).toBe(true);
  });

  it('a table that fits is as before: one line a row', () => {
    const out = textTable(['others play', 'best', 'mean'], rows, 120, [false, false, true]);
    expect(out).toHaveLength(4);
    expect(out[2]).toBe('  AUS=persona CHN=persona JPN=persona MYS=persona USA=hawk         persona   1.01');
  });
});
