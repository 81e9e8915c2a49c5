// Colours, sizes and fonts of the map in one place: Okabe-Ito (colour-blind safe), matching the UI's country colours.
import type { RegionId } from '../../engine/lite.ts';
import type { Family } from './geometry.ts';

/** Okabe-Ito. */
export const OI = {
  orange: 0xe69f00,
  sky: 0x56b4e9,
  green: 0x009e73,
  yellow: 0xf0e442,
  blue: 0x0072b2,
  vermillion: 0xd55e00,
  purple: 0xcc79a7,
  grey: 0x999999,
};

export const SEA = 0x0c1f35;
const DARK = 0x141c26;

/** Mix colour a toward b by t (0..1). */
export function mix(a: number, b: number, t: number): number {
  const ch = (s: number) => Math.round(((a >> s) & 255) * (1 - t) + ((b >> s) & 255) * t);
  return (ch(16) << 16) | (ch(8) << 8) | ch(0);
}

/** The UI's COUNTRY_COLOUR (src/ui/dom.ts), darkened for land so that bright flow particles stand out on it. */
export const COUNTRY_COLOUR: Record<RegionId, number> = {
  JPN: OI.vermillion,
  USA: OI.blue,
  CHN: OI.orange,
  AUS: OI.green,
  MYS: OI.purple,
  ROW: OI.grey,
};
export const LAND_FILL: Record<RegionId, number> = {
  JPN: mix(OI.vermillion, DARK, 0.35),
  USA: mix(OI.blue, 0x9fb8cc, 0.15),
  CHN: mix(OI.orange, DARK, 0.4),
  AUS: mix(OI.green, DARK, 0.3),
  MYS: mix(OI.purple, DARK, 0.35),
  ROW: 0x4b5159,
};
export const COAST = 0xb9c9d9;
export const BORDER = 0xe8edf2;

/** Flow colours: the Okabe-Ito colours not used for countries, plus white; shapes differ too (circle, circle, diamond, square). */
export const FAMILY_COLOUR: Record<Family, number> = {
  ore: OI.yellow,
  oxide: OI.sky,
  magnets: OI.purple,
  cars: 0xffffff,
};
export const FAMILY_SHAPE: Record<Family, 'circle' | 'diamond' | 'square'> = {
  ore: 'circle',
  oxide: 'circle',
  magnets: 'diamond',
  cars: 'square',
};

export const LANE = 0xdbe6f2;
export const BAN = 0xe8312a;
export const LICENCE = 0xffb000;
export const CLOSED = 0xff4d40;

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
/** Particle radius and lateral offset from the lane centre line, screen px. */
export const PARTICLE_PX = 3.2;
export const LANE_OFFSET_PX = 3;
/** Duration of the turn animation. */
export const ANIMATION_MS = 2000;
