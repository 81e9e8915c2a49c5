// Types of bundle-cache.mjs (plain JavaScript so that bin/gambit.mjs can load it before tsx).
import type { BuildOptions, BuildResult } from 'esbuild';

export const ROOT: string;
export const META_URL: string;
export function cacheDirs(kind: string): string[];
export function cachedBundle(kind: string): string | null;
export function bundleOptions(entry: string, external: boolean): BuildOptions & { write: false; metafile: true };
export function saveBundle(kind: string, result: BuildResult<{ write: false; metafile: true }>, started?: number): string | null;
export function cliBundle(): Promise<string | null>;
