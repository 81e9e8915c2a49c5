// The content ids a translation (content/locales/<lang>.json) may name. Apart from locale.ts, which checks a
// translation with zod: the page loads this at start and the checker only with the Japanese text.

/** The content ids a translation may name. */
export interface ContentIds {
  events: readonly string[];
  projects: readonly string[];
  deepSeaStages: readonly string[];
  scenarios: readonly string[];
}

/** The ids the content files name (content/events.json, content/projects.json, the scenarios). */
export function contentIds(events: unknown, projects: unknown, scenarios: readonly unknown[]): ContentIds {
  const ev = events as { events: { id: string }[] };
  const pr = projects as { types: Record<string, unknown>; deepSea: { stages: { id: string }[] } };
  return {
    events: ev.events.map((e) => e.id),
    projects: Object.keys(pr.types),
    deepSeaStages: pr.deepSea.stages.map((s) => s.id),
    scenarios: scenarios.map((s) => (s as { id: string }).id),
  };
}
