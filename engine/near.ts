// The name a misspelling is closest to, for error messages: an unknown agent ("diversifer"), a key a schema does not
// have ("tarifs"). Edit distance with adjacent swaps counted as one (optimal string alignment).

function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

/** Of the names within two edits of `word` (one for names of four letters or fewer), the closest, if no other is as
 * close; else undefined. Case is ignored. */
export function nearest(word: string, names: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  const scored = names.map((n) => ({ n, d: distance(w, n.toLowerCase()) })).filter((x) => x.d <= (x.n.length <= 4 ? 1 : 2));
  const best = Math.min(...scored.map((x) => x.d));
  const at = scored.filter((x) => x.d === best);
  return at.length === 1 ? at[0].n : undefined;
}
