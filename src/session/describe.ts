// Plain-words summaries of a country's orders, for the end screen's "decisions that mattered".
import type { CountryOrders } from '../../engine/index.ts';

/** `label` names a project type for people ("Dy/Tb stockpile purchase"); the type key is used without it. */
export function describeOrders(o: CountryOrders, label: (type: string) => string = (t) => t): string {
  const parts: string[] = [];
  for (const [p, goods] of Object.entries(o.tariffs ?? {})) for (const [g, v] of Object.entries(goods ?? {})) parts.push(`tariff on ${p === '*' ? 'everyone' : p} ${g} ${v}%`);
  for (const [p, stages] of Object.entries(o.exportControls ?? {}))
    for (const [s, v] of Object.entries(stages ?? {})) parts.push(`${s} to ${p === '*' ? 'everyone' : p}: ${typeof v === 'object' ? `licensed ${Math.round(v.licensed * 100)}%` : v}`);
  if (o.defenseSpendingPct !== undefined) parts.push(`defense ${o.defenseSpendingPct.toFixed(2)}% of GDP`);
  if (o.rareEarthOutputPct !== undefined) parts.push(`rare-earth output quotas ${o.rareEarthOutputPct}% of normal`);
  for (const i of o.investments ?? []) parts.push(`${i.units ?? 1} x ${label(i.type)}${i.host ? ` in ${i.host}` : ''}`);
  if (o.stockpileRelease) parts.push(`release stockpile ${JSON.stringify(o.stockpileRelease)}`);
  for (const id of o.stopProgrammes ?? []) parts.push(`stopped deep-sea programme ${id}`);
  for (const p of o.deals?.propose ?? []) parts.push(`deal offered to ${p.to}`);
  for (const id of o.deals?.accept ?? []) parts.push(`accepted ${id}`);
  for (const id of o.deals?.reject ?? []) parts.push(`rejected ${id}`);
  for (const id of o.deals?.break ?? []) parts.push(`broke ${id}`);
  return parts.join('; ') || 'no change';
}

/** Whether an order holds anything: a number or word, or an object or list with such a thing in it ({} and [] do not). */
function given(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (Array.isArray(v)) return v.some(given);
  if (typeof v === 'object') return Object.values(v).some(given);
  return true;
}

/** The kinds of order a turn's orders hold, by the tab that gives them, in the tabs' order. */
export const ORDER_KINDS = {
  Tariffs: ['tariffs'],
  Controls: ['exportControls', 'rareEarthOutputPct'],
  Defense: ['defenseSpendingPct'],
  Invest: ['investments', 'stopProgrammes'],
  Stockpile: ['stockpileRelease'],
  Deals: ['deals'],
} as const satisfies Record<string, readonly (keyof CountryOrders)[]>;
export type OrderKind = keyof typeof ORDER_KINDS;

/** Each kind of order among `o` with the orders less that kind (what is played to measure it alone), when `o` holds
 * more than one kind; none otherwise (a turn of one kind is measured whole). An order key of no kind here (the deals'
 * `why`, inside deals) goes with its kind. */
export function withoutEachKind(o: CountryOrders): { kind: OrderKind; rest: CountryOrders }[] {
  const kinds = (Object.keys(ORDER_KINDS) as OrderKind[]).filter((k) => ORDER_KINDS[k].some((key) => given(o[key])));
  if (kinds.length < 2) return [];
  return kinds.map((kind) => ({ kind, rest: withoutKind(o, kind) }));
}

/** `o` less one kind of order (a copy). */
export function withoutKind(o: CountryOrders, kind: OrderKind): CountryOrders {
  const rest: CountryOrders = { ...o };
  for (const key of ORDER_KINDS[kind]) delete rest[key];
  return rest;
}
