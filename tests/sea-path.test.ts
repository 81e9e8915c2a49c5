// The drawn lanes' A* (src/render/routes.ts seaPath) keeps its scratch arrays between searches: a search must not
// read what an earlier one left, on the same grid, on another grid, or on a smaller one.
import { describe, expect, it } from 'vitest';
import { seaPath, type SeaGrid } from '../src/render/routes.ts';

/** A grid from rows of text: '.' sea, '#' land; every sea cell counted far from the coast. */
function grid(rows: string[]): SeaGrid {
  const cols = rows[0]!.length;
  const sea = new Uint8Array(cols * rows.length);
  rows.forEach((r, y) => [...r].forEach((ch, x) => (sea[y * cols + x] = ch === '.' ? 1 : 0)));
  return { cols, rows: rows.length, cell: 1, sea, coast: new Uint8Array(sea.length).fill(9) };
}

const at = (g: SeaGrid, x: number, y: number) => y * g.cols + x;
const xy = (g: SeaGrid, path: number[] | null) => path?.map((k) => [k % g.cols, Math.floor(k / g.cols)]);

describe('seaPath', () => {
  const open = grid(['.....', '.....', '.....']);
  const wall = grid(['..#..', '..#..', '.....']);
  const shut = grid(['..#..', '..#..', '..#..']);

  it('finds the straight way, the way round a wall, and none through one, in any order of searches', () => {
    const straight = [[0, 0], [1, 0], [2, 0], [3, 0], [4, 0]];
    const round = [[0, 0], [1, 1], [2, 2], [3, 1], [4, 0]];
    expect(xy(open, seaPath(open, at(open, 0, 0), at(open, 4, 0)))).toEqual(straight);
    expect(xy(wall, seaPath(wall, at(wall, 0, 0), at(wall, 4, 0)))).toEqual(round);
    expect(seaPath(shut, at(shut, 0, 0), at(shut, 4, 0))).toBeNull();
    // after a search that reached the goal's side and one that could not: the same answers again
    expect(xy(open, seaPath(open, at(open, 0, 0), at(open, 4, 0)))).toEqual(straight);
    expect(xy(wall, seaPath(wall, at(wall, 0, 0), at(wall, 4, 0)))).toEqual(round);
    expect(xy(open, seaPath(open, at(open, 2, 1), at(open, 2, 1)))).toEqual([[2, 1]]);
  });

  it('gives a smaller grid after a larger one the same answer as on its own', () => {
    const big = grid(Array.from({ length: 40 }, () => '.'.repeat(60)));
    expect(seaPath(big, at(big, 0, 0), at(big, 59, 39))?.length).toBe(60);
    const small = grid(['.#.', '.#.', '...']);
    expect(xy(small, seaPath(small, at(small, 0, 0), at(small, 2, 0)))).toEqual([[0, 0], [0, 1], [1, 2], [2, 1], [2, 0]]);
  });
});
