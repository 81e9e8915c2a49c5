// The Japanese readers of the engine's and the session's English news lines (deal news, project, event and market
// news) and the events' Japanese text (content/locales/ja.json's events). A chunk of its own, loaded on a Japanese page
// after its map is drawn, before the first news is shown (i18n.ts newsReady(): the first End Turn, a pushed turn in a
// class, the end screen), or with the catalogue when the player switches to Japanese. English players do not
// download it.
export { dealNewsJa } from './deal-news.ts';
export { projectNewsJa } from './project-news.ts';
export { default as eventsJa } from '../../content/locales/ja.json?part=events';
