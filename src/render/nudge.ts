// A name plate on a cramped map (a phone's): how it is drawn, and moved off what covers it by the shortest move that
// stays on the map.
import type { RegionId } from '../../engine/lite.ts';
import type { ScreenBox } from './geometry.ts';

/** The shortest move (|dx| + |dy|) that takes `plate` off every box and keeps it inside the map (`size`), among the
 * moves that set it against a box's edge, across and along (one of each); none when it overlaps nothing, and none
 * when no such move is free (then it stays where it is). On a phone's map keepOff's "left, else down" took the United
 * States' plate 230 px to the left, over the South China Sea, to clear the figures menu; one box at a time, the zoom
 * buttons sent it back up under the menu. */
export function nudgeOff(plate: ScreenBox, boxes: readonly ScreenBox[], size: { w: number; h: number }): { dx: number; dy: number } {
  const free = (dx: number, dy: number): boolean => {
    const [l, r, t, b] = [plate.l + dx, plate.r + dx, plate.t + dy, plate.b + dy];
    if (l < 0 || r > size.w || t < 0 || b > size.h) return false;
    for (const k of boxes) if (l < k.r && k.l < r && t < k.b && k.t < b) return false;
    return true;
  };
  if (free(0, 0)) return { dx: 0, dy: 0 };
  // against each box's edges, and the map's (a plate partly off the map and over nothing comes back onto it)
  const xs = [0, -plate.l, size.w - plate.r, ...boxes.flatMap((k) => [k.l - 3 - plate.r, k.r + 3 - plate.l])];
  const ys = [0, -plate.t, size.h - plate.b, ...boxes.flatMap((k) => [k.t - 3 - plate.b, k.b + 3 - plate.t])];
  let best: { dx: number; dy: number } | null = null;
  for (const dx of xs)
    for (const dy of ys) if ((!best || Math.abs(dx) + Math.abs(dy) < Math.abs(best.dx) + Math.abs(best.dy)) && free(dx, dy)) best = { dx, dy };
  return best ?? { dx: 0, dy: 0 };
}

/** How a country's plate is drawn: on a cramped map (a phone's, under 600 x 320 px) at 85%, without the rest of the
 * world's name (it sat over China's and Japan's on a phone), and with the figure line only for the player's own
 * country and any country short of magnets (`calm`: its supply is not strained). */
export function plateLook(r: RegionId, cramped: boolean, you: RegionId | null, calm: boolean): { scale: number; shown: boolean; figure: boolean } {
  return { scale: cramped ? 0.85 : 1, shown: !(cramped && r === 'ROW'), figure: !cramped || r === you || !calm };
}
