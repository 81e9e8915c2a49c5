// What the page can ask of the map (map.ts draws it with Pixi).
import type { CountryView } from '../../engine/lite.ts';
import type { MapSelection } from './describe.ts';

export interface MapRenderer {
  /** draw the state of a turn; `animate` plays the flows moving along lanes (about 2 s) */
  update(view: CountryView, opts?: { animate?: boolean }): void;
  /** resolves when the current animation ends */
  settled(): Promise<void>;
  /** called with what was clicked (null for open sea); hovering shows the same in a tooltip on the map */
  onSelect(cb: (sel: MapSelection | null) => void): void;
  resize(width: number, height: number): void;
  /** zoom about the centre of the map view (limited to 1x..8x of the fitted map) */
  zoomBy(factor: number): void;
  /** fit the whole map again */
  resetView(): void;
  /** the figures for a country, port, lane or strait, as a click would give them (keyboard access to the map) */
  inspect(kind: MapSelection['kind'], id: string): MapSelection;
  /** while `on`, the map neither moves nor draws (the page waits for a turn: with software WebGL a frame can take
   * hundreds of ms, and the worker's answer would wait behind it) */
  hold(on: boolean): void;
  /** for tests: how many flow particles are alive, how many lanes are drawn, and the ticker's frames per second */
  stats(): { flows: number; lanesDrawn: number; fps: number };
  destroy(): void;
}
