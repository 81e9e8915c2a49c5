// A translation of the content players read (content/locales/<lang>.json): event titles and texts, project labels and
// descriptions, deep-sea stage labels, scenario names, descriptions and briefings, each keyed by its content id. The
// engine never sees it; the UI shows it in that language and falls back to the English content for a missing entry.
import { z } from 'zod';
import type { ContentIds } from './locale-ids.ts';

export { contentIds, type ContentIds } from './locale-ids.ts';

const text = z.string().trim().min(1);
const briefing = z.strictObject({
  title: text,
  argument: z.array(text).min(1),
  levers: z.array(z.strictObject({ what: text, how: text })).min(1),
  score: z.array(text).min(1),
});
const schema = z.strictObject({
  about: z.string().optional(),
  events: z.record(z.string(), z.strictObject({ title: text, text })),
  projects: z.record(z.string(), z.strictObject({ label: text, description: text })),
  deepSeaStages: z.record(z.string(), text),
  scenarios: z.record(z.string(), z.strictObject({ name: text, description: text, briefing: briefing.optional() })),
});
export type ContentLocale = z.infer<typeof schema>;
export type ScenarioBriefingText = z.infer<typeof briefing>;

export class ContentLocaleError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.length} problem${problems.length > 1 ? 's' : ''}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ContentLocaleError';
  }
}

/** Check a translation file against the schema and the content's ids; throws ContentLocaleError naming the file and
 * every bad key (an id the content does not have, a missing or empty text, an unknown field). */
export function parseContentLocale(json: unknown, file: string, ids: ContentIds): ContentLocale {
  const r = schema.safeParse(json);
  if (!r.success) {
    throw new ContentLocaleError(
      file,
      r.error.issues.map((i) => `${i.path.length ? i.path.map(String).join('.') : '(top)'}: ${i.message}`),
    );
  }
  const problems: string[] = [];
  const kinds: [keyof ContentIds, string][] = [
    ['events', 'event in content/events.json'],
    ['projects', 'project type in content/projects.json'],
    ['deepSeaStages', 'deep-sea stage in content/projects.json'],
    ['scenarios', 'scenario in content/scenarios'],
  ];
  for (const [kind, what] of kinds) {
    const known = new Set(ids[kind]);
    for (const k of Object.keys(r.data[kind]).sort()) if (!known.has(k)) problems.push(`${kind}.${k}: no ${what} has the id "${k}"`);
  }
  if (problems.length) throw new ContentLocaleError(file, problems);
  return r.data;
}

/** The content ids a translation has no entry for (the UI shows English for them). */
export function missingEntries(loc: ContentLocale, ids: ContentIds): string[] {
  const out: string[] = [];
  for (const kind of ['events', 'projects', 'deepSeaStages', 'scenarios'] as const) for (const k of ids[kind]) if (!Object.hasOwn(loc[kind], k)) out.push(`${kind}.${k}`);
  return out;
}
