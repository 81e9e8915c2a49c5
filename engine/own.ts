// Lookups by names that come from content, orders or the command line: own keys only, so a name such as "constructor",
// "toString" or "__proto__" never finds a built-in property of Object.prototype.
import type { Content } from './content.ts';
import type { Persona, ProjectType } from './schema.ts';

/** The value under `key` if the record has it as its own property, else undefined. */
export function own<T>(rec: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return rec !== undefined && rec !== null && typeof key === 'string' && Object.hasOwn(rec, key) ? rec[key] : undefined;
}

/** Names that are properties of every plain object (constructor, toString, __proto__, hasOwnProperty, valueOf, ...)
 * plus `prototype`: no content key or id may be one of these. The standard list, and whatever this runtime adds. */
export const BUILTIN_NAMES: ReadonlySet<string> = new Set(
  [
    ...['__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__', '__proto__', 'constructor', 'hasOwnProperty'],
    ...['isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', 'toString', 'valueOf', 'prototype'],
    ...Object.getOwnPropertyNames(Object.prototype),
  ].sort(),
);

export function isBuiltinName(name: string): boolean {
  return BUILTIN_NAMES.has(name);
}

/** The last types record projectType read and its own keys as a map: the engine asks for a project's type many times
 * a turn (the order checks, the agents, the projects' and economy's steps), and a map read with the same record
 * as last time is cheaper than own's check and keyed load. Content is not changed once compiled (as held.ts keeps). */
let lastTypes: object | undefined;
let lastTypeMap: Map<string, ProjectType> | undefined;

/** A project type from content, or undefined for an unknown name (own keys only, as `own`). */
export function projectType(content: Pick<Content, 'projects'>, type: string): ProjectType | undefined {
  const rec = content.projects.types;
  if (rec !== lastTypes || lastTypeMap === undefined) {
    const m = new Map<string, ProjectType>();
    for (const k of Object.getOwnPropertyNames(rec)) m.set(k, rec[k]);
    lastTypes = rec;
    lastTypeMap = m;
  }
  return lastTypeMap.get(type);
}

/** A persona from content, or undefined for an unknown name. */
export function persona(content: Pick<Content, 'personas'>, name: string): Persona | undefined {
  return own(content.personas.personas, name);
}

/** A project type that must exist (orders and content were checked): throws an Error naming it otherwise. */
export function knownProjectType(content: Pick<Content, 'projects'>, type: string): ProjectType {
  const t = projectType(content, type);
  if (!t) throw new Error(`unknown project type ${JSON.stringify(type)}`);
  return t;
}
