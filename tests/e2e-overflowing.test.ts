// The browser tests' overflow check (tests/e2e/harness.ts, overflowing) in Debian's Chromium on pages made for it: a
// chart's SVG axis labels, laid out as src/ui/chart.ts's lineChart lays them out, are not flagged however far the
// chart is scaled (Chromium gives an SVG text a scroll and client width in mixed units), while text that really is cut,
// a DOM box's or a label the chart's own edge clips, still is.
import { describe, expect, it } from 'vitest';
import { haveChromium, overflowing, useBrowser } from './e2e/harness.ts';

const run = haveChromium() || process.env.CI === 'true';

/** A line chart as lineChart draws one (420 x 180 user units, y labels right-aligned at x = 42, x labels on the
 * bottom), `width` CSS pixels wide, with its y labels and any extra text elements. */
function chart(width: string, yLabels: string[], extra = ''): string {
  const y = yLabels.map((t, i) => `<line x1="46" x2="412" y1="${20 + i * 30}" y2="${20 + i * 30}" stroke="#ccc" stroke-width="0.5"></line><text x="42" y="${24 + i * 30}" text-anchor="end" font-size="10" fill="#555">${t}</text>`).join('');
  const x = '<text x="46" y="174" text-anchor="start" font-size="10" fill="#555">turn 1</text><text x="229" y="174" text-anchor="middle" font-size="10" fill="#555">turn 20</text><text x="412" y="174" text-anchor="end" font-size="10" fill="#555">turn 40</text>';
  return `<figure class="chart" style="margin:0;width:${width}"><figcaption>Price</figcaption><svg width="100%" viewBox="0 0 420 180" role="img">${y}${x}${extra}</svg></figure>`;
}

describe.runIf(run)('overflowing()', () => {
  const used = useBrowser();

  it("does not flag a chart's axis labels, at any scale, and still flags text that is cut", async () => {
    const ctx = await used.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const labels = ['19,500', '18,500', '−0.05', '100%'];
    // scaled down, as drawn, and up to twice its size and more (the end screen's charts fill a grid column)
    await page.setContent(`<body style="margin:0">${['200px', '420px', '640px', '900px'].map((w) => chart(w, labels)).join('')}</body>`);
    expect(await overflowing(page)).toEqual([]);
    // a DOM box whose text may not wrap and runs past its edge, beside the same charts: flagged, and only it
    await page.setContent(`<body style="margin:0">${chart('900px', labels)}<div class="cell" style="white-space:nowrap;width:60px;display:block">14,592 t sent to Japan this quarter</div></body>`);
    expect(await overflowing(page)).toEqual(['div.cell text wider than its box: 14,592 t sent to Japan this quarter']);
    // a y label wider than the chart's margin runs past the SVG's left edge, where the SVG clips it: flagged
    await page.setContent(`<body style="margin:0">${chart('640px', labels, '<text x="20" y="120" text-anchor="end" font-size="10" class="tick">−100,000 t/yr</text>')}</body>`);
    expect(await overflowing(page)).toEqual(['svg text.tick cut by its chart\'s edge: −100,000 t/yr']);
    await ctx.close();
  }, 60_000);
});
