// Vite's client types (import.meta.glob, ?url imports) for the browser hosts.
/// <reference types="vite/client" />
// A part of a content translation (src/content/locale-plugin.ts localePart()): what the page reads before its first
// turn, and the events' text it reads after.
declare module '*.json?part=first' {
  const text: Omit<import('./content/locale.ts').ContentLocale, 'about' | 'events'>;
  export default text;
}
declare module '*.json?part=events' {
  const text: Pick<import('./content/locale.ts').ContentLocale, 'events'>;
  export default text;
}
// The English project labels the page reads (src/content/locale-plugin.ts projectLabels()).
declare module '*/projects.json?labels' {
  const labels: { types: Record<string, { label: string }>; deepSea: { stages: { id: string; label: string }[] } };
  export default labels;
}
