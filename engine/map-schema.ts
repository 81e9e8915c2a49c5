// The world map's schema (content/map.json) and cell helpers; lane routing lives in map.ts.
import { z } from 'zod';

export const REGIONS = ['JPN', 'USA', 'CHN', 'AUS', 'MYS', 'ROW'] as const;
export type Region = (typeof REGIONS)[number];

export { EARTH_RADIUS_KM, KM_PER_DEG } from './earth.ts';

const regionSchema = z.enum(REGIONS, {
  error: (iss) => `unknown country ${JSON.stringify(iss.input)}; expected one of ${REGIONS.join(', ')}`,
});
const cellSchema = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
const idSchema = z.string().min(1);

const PortSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  country: regionSchema,
  x: z.number().int().nonnegative(),
  y: z.number().int().nonnegative(),
});
const StraitSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  cells: z.array(cellSchema).min(1),
});
const LaneSchema = z.strictObject({
  id: idSchema,
  from: idSchema,
  to: idSchema,
});

const PAIR_KEY = /^(JPN|USA|CHN|AUS|MYS|ROW)>(JPN|USA|CHN|AUS|MYS|ROW)$/;
/** Issues reported per category before giving up, so a badly broken file does not produce thousands of messages. */
const MAX_CELL_ISSUES = 10;

const NEIGHBOURS_8: readonly (readonly [number, number])[] = [
  [0, -1], [1, -1], [1, 0], [1, 1], [0, 1], [-1, 1], [-1, 0], [-1, -1],
];

export const MapFileSchema = z
  .strictObject({
    id: idSchema,
    name: z.string().min(1),
    source: z.string().min(1),
    lonWest: z.number(),
    latNorth: z.number(),
    degPerCellX: z.number().positive(),
    degPerCellY: z.number().positive(),
    legend: z.record(z.string().length(1), z.union([z.literal('sea'), regionSchema])),
    rows: z.array(z.string().min(1)).min(1),
    ports: z.array(PortSchema),
    straits: z.array(StraitSchema),
    lanes: z.array(LaneSchema),
    pairLanes: z.record(z.string(), idSchema),
  })
  .superRefine((m, ctx) => {
    const issue = (message: string, path: (string | number)[]): void => {
      ctx.addIssue({ code: 'custom', message, path });
    };

    // Grid shape and legend coverage (an empty grid is already reported by rows' min(1), and nothing else can be checked).
    if (m.rows.length === 0) return;
    const width = m.rows[0]!.length;
    let bad = 0;
    m.rows.forEach((row, y) => {
      if (row.length !== width && bad++ < MAX_CELL_ISSUES) {
        issue(`rows must all have the same length: row ${y} has ${row.length} cells but row 0 has ${width}`, ['rows', y]);
      }
    });
    bad = 0;
    m.rows.forEach((row, y) => {
      for (let x = 0; x < row.length; x++) {
        const ch = row[x]!;
        if (!(ch in m.legend) && bad++ < MAX_CELL_ISSUES) {
          issue(`row ${y} column ${x}: character '${ch}' is not in the legend`, ['rows', y]);
        }
      }
    });
    const legendValues = new Set(Object.values(m.legend));
    if (!legendValues.has('sea')) issue("legend has no 'sea' entry", ['legend']);

    const charAt = (x: number, y: number): string | undefined => (y >= 0 && y < m.rows.length ? m.rows[y]![x] : undefined);
    const isSea = (x: number, y: number): boolean => {
      const ch = charAt(x, y);
      return ch !== undefined && m.legend[ch] === 'sea';
    };
    const inBounds = (x: number, y: number): boolean => y < m.rows.length && x < m.rows[y]!.length;

    // Ports.
    const portIds = new Set<string>();
    const portCells = new Map<string, string>();
    m.ports.forEach((p, i) => {
      if (portIds.has(p.id)) issue(`duplicate port id '${p.id}'`, ['ports', i, 'id']);
      portIds.add(p.id);
      if (!legendValues.has(p.country)) {
        issue(`port '${p.id}' references country ${p.country}, which has no land in the legend`, ['ports', i, 'country']);
      }
      if (!inBounds(p.x, p.y)) {
        issue(`port '${p.id}' at (${p.x},${p.y}) is outside the grid`, ['ports', i]);
        return;
      }
      if (!isSea(p.x, p.y)) issue(`port '${p.id}' at (${p.x},${p.y}) is not on a sea cell`, ['ports', i]);
      const touchesCountry = NEIGHBOURS_8.some(([dx, dy]) => {
        const ch = charAt(p.x + dx, p.y + dy);
        return ch !== undefined && m.legend[ch] === p.country;
      });
      if (!touchesCountry) {
        issue(`port '${p.id}' at (${p.x},${p.y}) is not next to ${p.country} land`, ['ports', i]);
      }
      portCells.set(`${p.x},${p.y}`, p.id);
    });

    // Straits.
    const straitIds = new Set<string>();
    m.straits.forEach((s, i) => {
      if (straitIds.has(s.id)) issue(`duplicate strait id '${s.id}'`, ['straits', i, 'id']);
      straitIds.add(s.id);
      s.cells.forEach(([x, y], j) => {
        if (!inBounds(x, y)) issue(`strait '${s.id}' cell (${x},${y}) is outside the grid`, ['straits', i, 'cells', j]);
        else if (!isSea(x, y)) issue(`strait '${s.id}' cell (${x},${y}) is not a sea cell`, ['straits', i, 'cells', j]);
        const port = portCells.get(`${x},${y}`);
        if (port !== undefined) issue(`strait '${s.id}' cell (${x},${y}) is the cell of port '${port}'`, ['straits', i, 'cells', j]);
      });
    });

    // Lanes.
    const laneIds = new Set<string>();
    m.lanes.forEach((l, i) => {
      if (laneIds.has(l.id)) issue(`duplicate lane id '${l.id}'`, ['lanes', i, 'id']);
      laneIds.add(l.id);
      if (!portIds.has(l.from)) issue(`lane '${l.id}' starts at unknown port '${l.from}'`, ['lanes', i, 'from']);
      if (!portIds.has(l.to)) issue(`lane '${l.id}' ends at unknown port '${l.to}'`, ['lanes', i, 'to']);
      if (l.from === l.to) issue(`lane '${l.id}' starts and ends at the same port '${l.from}'`, ['lanes', i]);
    });

    // Pair lanes: "FROM>TO" between distinct regions, each naming a known lane.
    for (const [key, laneId] of Object.entries(m.pairLanes)) {
      const match = PAIR_KEY.exec(key);
      if (!match) issue(`pairLanes key '${key}' is not of the form FROM>TO with FROM, TO in ${REGIONS.join(', ')}`, ['pairLanes', key]);
      else if (match[1] === match[2]) issue(`pairLanes key '${key}' pairs a region with itself`, ['pairLanes', key]);
      if (!laneIds.has(laneId)) issue(`pairLanes['${key}'] names unknown lane '${laneId}'`, ['pairLanes', key]);
    }
  });

export type GameMap = z.infer<typeof MapFileSchema>;

export type LaneRoute = {
  id: string;
  from: string;
  to: string;
  /** Cells from the `from` port to the `to` port, both included; empty when blocked. */
  path: [number, number][];
  /** Sum of the path's cell steps in km (x scaled by cos of the mean latitude of each step), rounded; 0 when blocked. */
  lengthKm: number;
  /** Ids of the straits the path passes through, sorted. */
  straits: string[];
  blocked: boolean;
};

/** The raw legend character at (x, y), or null outside the grid. */
export function cellAt(map: GameMap, x: number, y: number): string | null {
  if (!Number.isInteger(x) || !Number.isInteger(y) || y < 0 || y >= map.rows.length) return null;
  const row = map.rows[y]!;
  return x >= 0 && x < row.length ? row[x]! : null;
}

/** The region owning the land at (x, y); null for sea, unknown characters and cells outside the grid. */
export function regionAtCell(map: GameMap, x: number, y: number): Region | null {
  const ch = cellAt(map, x, y);
  if (ch === null) return null;
  const v = map.legend[ch];
  return v === undefined || v === 'sea' ? null : v;
}

/** The lane carrying trade from region `from` to region `to` (pairLanes["FROM>TO"]). */
export function laneForPair(map: GameMap, from: string, to: string): string {
  const lane = map.pairLanes[`${from}>${to}`];
  if (lane === undefined) throw new Error(`map '${map.id}' has no lane for the pair ${from}>${to}`);
  return lane;
}

