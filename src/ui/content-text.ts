// Content text in the active language: event titles and texts, project labels and descriptions, deep-sea stage labels,
// scenario names and briefings. English is the content itself; Japanese comes from content/locales/ja.json, checked
// against the content's ids when the page is built (src/content/locale-plugin.ts), in two parts loaded with the Japanese
// catalogue (chunks of their own: English players do not download them): the projects, stages and scenarios before a
// Japanese page draws (ja-first.ts), the events' text (most of the file) after its map, before its first news
// (ja-lines.ts). A missing entry reads in English.
import projectsJson from '../../content/projects.json?labels'; // the labels only (src/content/locale-plugin.ts)
import type { ContentLocale, ScenarioBriefingText } from '../content/locale.ts';
import { lang, t } from './i18n.ts';

let ja: ContentLocale | null = null;

/** Take a part of the Japanese content text, as its chunk loads (i18n.ts). The file was checked against the schema and
 * the content's ids when the page was built (src/content/locale-plugin.ts, which fails the build on a bad file), so the
 * page loads no checker (zod). */
export function addContentJa(part: Partial<ContentLocale>): void {
  ja = { events: {}, projects: {}, deepSeaStages: {}, scenarios: {}, ...ja, ...part } as ContentLocale;
}

const active = (): ContentLocale | null => (lang() === 'ja' ? ja : null);

export function eventTitle(e: { id: string; title: string }): string {
  return active()?.events[e.id]?.title ?? e.title;
}
export function eventText(e: { id: string; text: string }): string {
  return active()?.events[e.id]?.text ?? e.text;
}
export function projectLabel(type: string, en: string): string {
  return active()?.projects[type]?.label ?? en;
}
export function projectDescription(type: string, en: string): string {
  return active()?.projects[type]?.description ?? en;
}
export function stageLabel(id: string, en: string): string {
  return active()?.deepSeaStages[id] ?? en;
}
export function scenarioName(id: string, en: string): string {
  return active()?.scenarios[id]?.name ?? en;
}
export function scenarioDescription(id: string, en: string): string {
  return active()?.scenarios[id]?.description ?? en;
}
/** The scenario's briefing text in the active language, or null for English (the UI keeps the English briefing). */
export function scenarioBriefingText(id: string): ScenarioBriefingText | null {
  return active()?.scenarios[id]?.briefing ?? null;
}

// The engine writes its news with the English content text; these read it back to the content ids.
const TYPES = projectsJson.types as Record<string, { label: string }>;
const BY_LABEL = new Map(Object.entries(TYPES).map(([type, t]) => [t.label, type]));
const STAGES = new Map(projectsJson.deepSea.stages.map((s) => [s.label, s.id]));

/** A project's English label in the active language ("NdPr separation plant" -> "NdPr分離精製工場"), or null if unknown. */
export function projectLabelOf(en: string): string | null {
  const type = BY_LABEL.get(en);
  return type ? projectLabel(type, en) : null;
}
/** A deep-sea stage's English label in the active language, or null if unknown. */
export function stageLabelOf(en: string): string | null {
  const id = STAGES.get(en);
  return id ? stageLabel(id, en) : null;
}
/** The deep-sea stage at this index of the programme (a project's `mud.stage`) in the active language, or null. */
export function mudStageLabel(index: number): string | null {
  const st = projectsJson.deepSea.stages[index];
  return st ? stageLabel(st.id, st.label) : null;
}
/** A deep-sea programme's stage under way (" — trial lift", " — trial lift, retry 1"), or nothing for other projects. */
export function mudNow(p: { mud?: { stage: number; attempt: number } }): string {
  const name = p.mud ? mudStageLabel(p.mud.stage) : null;
  if (!p.mud || !name) return '';
  return ` — ${name}${p.mud.attempt > 1 ? t('panel.mudRetry', { n: p.mud.attempt - 1 }) : ''}`;
}
/** The English project labels and stage labels, for the news patterns. */
export const PROJECT_LABELS: readonly string[] = [...BY_LABEL.keys()];
export const STAGE_LABELS: readonly string[] = [...STAGES.keys()];

/** A project type's label in the active language ("magnetPlant" -> "NdFeB magnet plant", 「ネオジム磁石工場」). */
export function projectTypeLabel(type: string): string {
  return projectLabel(type, TYPES[type]?.label ?? type);
}
