// Where an order's issue points on the game screen: the field (its data-testid) to highlight and the tab that holds
// it, from the path in the orders ("$.JPN.defenseSpendingPct").

export const TABS = ['Indicators', 'Tariffs', 'Controls', 'Defense', 'Invest', 'Stockpile', 'Deals'] as const;
export type Tab = (typeof TABS)[number];

const inOrders = (path: string) => path.replace(/^\$\.[A-Z]{3}\.?/, '');

/** The field an issue's path points at (its data-testid), to highlight it. */
export function fieldOf(path: string): string | null {
  const p = inOrders(path);
  let m = /^tariffs\.(\w+)\.(\w+)/.exec(p);
  if (m) return `policy-tariff-${m[1]}-${m[2]}`;
  m = /^exportControls\.(\w+)\.\["?([\w.]+)"?\]|^exportControls\.(\w+)\.([\w]+(?:\.[\w]+)?)/.exec(p);
  if (m) return `policy-control-share-${m[1] ?? m[3]}-${m[2] ?? m[4]}`;
  if (p.startsWith('defenseSpendingPct')) return 'policy-defense';
  if (p.startsWith('rareEarthOutputPct')) return 'policy-output';
  m = /^stockpileRelease\.(light|heavy)/.exec(p);
  if (m) return `stockpile-release-${m[1]}`;
  return null;
}

/** The tab that holds the order an issue's path points at (null for an issue with no order: "$", a round ended). */
export function tabOf(path: string): Tab | null {
  const p = inOrders(path);
  if (p.startsWith('tariffs')) return 'Tariffs';
  if (p.startsWith('exportControls') || p.startsWith('rareEarthOutputPct')) return 'Controls';
  if (p.startsWith('defenseSpendingPct')) return 'Defense';
  if (p.startsWith('investments') || p.startsWith('stopProgrammes')) return 'Invest';
  if (p.startsWith('stockpileRelease')) return 'Stockpile';
  if (p.startsWith('deals')) return 'Deals';
  return null;
}
