// An analyst ran Japan's hub and status quo on the same 20 seeds and asked the report for the difference: it drew two
// tables side by side (1.69 and 0.23, each with its own interval) and no difference. Two files of one agent setting
// each, on the same seeds and turns, are now compared seed by seed (src/cli/report-games.ts pairedHtml).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './cli-inproc.ts';
import { meanSd, t95 } from '../src/analysis/stats.ts';

const TMP = mkdtempSync(join(tmpdir(), 'gambit-paired-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const scores = (f: string) => new Map(readFileSync(join(TMP, f), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { seed: number; scores: Record<string, number> }).map((l) => [l.seed, l.scores.JPN!]));
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;/g, ' ').replace(/\s+/g, ' ');

describe("the report's paired comparison", () => {
  it('gives the mean difference seed by seed and its interval, the status-quo file as the baseline', async () => {
    for (const [f, a, seed] of [['sq.jsonl', 'status-quo', '1'], ['hub.jsonl', 'jpn-hub', '1'], ['other.jsonl', 'jpn-hub', '9']] as const)
      expect((await cli('selfplay', '--games', '4', '--turns', '8', '--seed', seed, '--agents', `JPN=${a}`, '--out', join(TMP, f), '--no-progress')).code).toBe(0);
    expect((await cli('report', TMP)).code).toBe(0);
    const html = text(readFileSync(join(TMP, 'report.html'), 'utf8'));
    const [hub, sq] = [scores('hub.jsonl'), scores('sq.jsonl')];
    const d = [...hub].map(([s, v]) => v - sq.get(s)!);
    const { mean, sd } = meanSd(d);
    const h = (t95(3) * sd) / 2;
    const f2 = (v: number) => (Math.abs(v) < 0.005 ? '0.00' : v.toFixed(2).replace('-', '−'));
    expect(html).toContain('Paired comparisons hub.jsonl less sq.jsonl , seed by seed (4 seeds; agents that differ: JPN jpn-hub against status-quo)');
    expect(html).toMatch(new RegExp(`JPN 4 ${f2(mean)} ${f2(mean - h)} to ${f2(mean + h)} `));
    // other.jsonl is on seeds 9-12: no pair with either
    expect(html).not.toContain('other.jsonl less');
    expect(html.match(/jsonl less /g)).toHaveLength(1);
  });
});
