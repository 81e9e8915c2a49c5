// "Licensed" in the Controls tab starts at 50% of last quarter's volume, not 100%: a 100% licence lets last quarter's
// volume through and restricts little (the model's licence, docs/MODEL.md S2.5), which is not what a player choosing
// "Licensed" means. A licence in force keeps its own share; the form says what the percentage means.
import { describe, expect, it } from 'vitest';
import { play } from './helpers.ts';
import { NEW_LICENCE_SHARE, licenceShare } from '../src/ui/panels.ts';
import { t, setLang } from '../src/ui/i18n.ts';
import type { Orders } from '../engine/index.ts';

describe('a new licence', () => {
  it('starts at 50%; a licence in force or drafted keeps its share', () => {
    expect(NEW_LICENCE_SHARE).toBe(0.5);
    expect(licenceShare({ level: 'open', share: 1 }, undefined)).toBe(0.5);
    expect(licenceShare({ level: 'banned', share: 1 }, undefined)).toBe(0.5);
    expect(licenceShare({ level: 'licensed', share: 0.9 }, undefined)).toBe(0.9);
    expect(licenceShare({ level: 'open', share: 1 }, { licensed: 0.3 })).toBe(0.3);
    expect(licenceShare({ level: 'licensed', share: 0.9 }, 'open')).toBe(0.9);
    // a licence set again after a ban: the share it had when last in force, not a new licence's
    expect(licenceShare({ level: 'banned', share: 0 }, undefined, 0.96)).toBe(0.96);
    expect(licenceShare({ level: 'banned', share: 0 }, { licensed: 0.7 }, 0.96)).toBe(0.7);
  });

  it('at 100% restricts little, at the new default it restricts (Japan\'s magnet supply, China licensing magnets)', () => {
    const supply = (spec: unknown) => play(1, 3, { 1: { CHN: { exportControls: { JPN: { magnet: spec } } } } as Orders }).reports.map((r) => r.headlines.JPN.magnetSupplyRatio.value);
    const open = supply('open');
    const full = supply({ licensed: 1 });
    const half = supply({ licensed: NEW_LICENCE_SHARE });
    for (let i = 0; i < 3; i++) {
      expect(open[i]! - full[i]!).toBeLessThan(0.03);
      expect(open[i]! - half[i]!).toBeGreaterThan(0.1);
    }
  });

  it('the Controls tab says what the share means, in both languages', async () => {
    expect(t('panel.controlsHint')).toMatch(/the box starts at 50%; 100% lets last quarter’s volume through and restricts little/);
    // the box's 50%, not the first quarter's throughput: the licensing review lets less through then (a player read 50%)
    expect(t('panel.controlsHint')).toMatch(/in a licence’s first quarter the licensing review takes weeks of the quarter, so less goes/);
    await setLang('ja');
    try {
      expect(t('panel.controlsHint')).toMatch(/欄の初期値は50%。100%では前四半期の量がそのまま通り、ほとんど制限になりません/);
    } finally {
      await setLang('en');
    }
  });
});
