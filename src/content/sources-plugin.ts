// A Vite plugin for the page build: the content files the browser's engine reads (content/*.json and
// content/scenarios/*.json, bundled into the Web Worker by src/content/browser.ts) lose the text of their sourced
// numbers' sources and notes. The engine compiles a sourced number {"v", "src", "range"?} to the bare number, so the
// compiled content and its hash are the same; the sources are for people reading the files, docs/MODEL.md and
// `gambit validate`, and were a third of the worker's download (some 17 KB of the page's 400 KB budget, gzipped).
// The ranges stay: the engine checks a value against them. A build only: tests and the dev server read the files whole.

const CONTENT_FILE = /[/\\]content[/\\](scenarios[/\\])?[a-z][a-z0-9-]*\.json$/;
/** What a source says in the page's copy (a source needs 3 characters; the same text each time compresses to nothing). */
export const SOURCE_STUB = 'see the content file';

/** The JSON value with every sourced number's `src` set to SOURCE_STUB and its `note` left out; all else as it was. */
export function withoutSources(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutSources);
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  const sourced = typeof o.v === 'number' && typeof o.src === 'string';
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) {
    if (sourced && k === 'note') continue;
    out[k] = sourced && k === 'src' ? SOURCE_STUB : withoutSources(x);
  }
  return out;
}

export function contentSourcesStripped() {
  return {
    name: 'rare-earth-gambit:content-sources-stripped',
    enforce: 'pre' as const,
    apply: 'build' as const,
    transform: {
      filter: { id: CONTENT_FILE }, // an id with a query (?labels, ?part=) is another plugin's, and is left alone
      handler(code: string) {
        return { code: JSON.stringify(withoutSources(JSON.parse(code))), map: null };
      },
    },
  };
}
