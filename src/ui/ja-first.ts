// What a Japanese page needs before it draws (one chunk, loaded by i18n.ts; English players do not download it): the
// UI catalogue, the content's text but the events' (project labels, deep-sea stages, scenarios and their briefings) and
// the readers of the start screen's country facts and levers. The news readers and the events' text come after the map
// (ja-lines.ts), before the first turn's news is shown.
export { ja } from './locales/ja.ts';
export { briefingLineJa, leverJa, usdJa } from './briefing-ja.ts';
export { default as contentJa } from '../../content/locales/ja.json?part=first';
