// A player's orders in plain words and the active language (the end screen's "decisions that mattered").
import type { CountryOrders } from '../../engine/lite.ts';
import { lang, num, t } from './i18n.ts';
import { countryIn, goodName, levelName, shareThrough, stageName } from './labels.ts';

/** `label` names a project type ("Dy/Tb separation plant"). */
export function ordersText(o: CountryOrders, label: (type: string) => string): string {
  const parts: string[] = [];
  for (const [p, goods] of Object.entries(o.tariffs ?? {})) for (const [g, v] of Object.entries(goods ?? {})) parts.push(t('orders.tariff', { good: goodName(g), who: countryIn(p), pct: num(Number(v), 1).replace(/[.,]0$/, '') }));
  for (const [p, stages] of Object.entries(o.exportControls ?? {}))
    for (const [s, v] of Object.entries(stages ?? {})) parts.push(t('orders.control', { what: stageName(s), who: countryIn(p), level: typeof v === 'object' ? t('orders.licensed', { pct: shareThrough(v.licensed) }) : levelName(v ?? 'open') }));
  if (o.defenseSpendingPct !== undefined) parts.push(t('orders.defence', { pct: num(o.defenseSpendingPct, 2) }));
  if (o.rareEarthOutputPct !== undefined) parts.push(t('orders.quotas', { pct: o.rareEarthOutputPct }));
  for (const i of o.investments ?? []) parts.push(i.host ? t('orders.investIn', { n: i.units ?? 1, what: label(i.type), who: countryIn(i.host) }) : t('orders.invest', { n: i.units ?? 1, what: label(i.type) }));
  for (const [g, v] of Object.entries(o.stockpileRelease ?? {})) if (v) parts.push(t('orders.release', { t: num(v), what: stageName(g === 'light' ? 'oxide.light' : 'oxide.heavy') }));
  for (const id of o.stopProgrammes ?? []) parts.push(t('orders.stopped', { id }));
  for (const p of o.deals?.propose ?? []) parts.push(t('orders.offer', { who: countryIn(p.to) }));
  for (const id of o.deals?.accept ?? []) parts.push(t('orders.accepted', { id }));
  for (const id of o.deals?.reject ?? []) parts.push(t('orders.rejected', { id }));
  for (const id of o.deals?.break ?? []) parts.push(t('orders.broke', { id }));
  return parts.join(lang() === 'ja' ? '、' : '; ') || t('orders.none');
}
