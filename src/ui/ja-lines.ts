// The Japanese readers of the engine's and the session's English lines (deal news, project, event and market news, the
// start screen's country facts and levers). A chunk of its own, loaded with the Japanese catalogue (i18n.ts): English
// players do not download it, and a Japanese page has it before anything is drawn in Japanese.
export { dealNewsJa } from './deal-news.ts';
export { projectNewsJa } from './project-news.ts';
export { briefingLineJa, leverJa } from './briefing-ja.ts';
