// Countries' names on the class screens (no DOM: the server's tests import it too).
import type { CountryId } from '../../engine/index.ts';

export const COUNTRY_NAME: Record<CountryId, string> = { AUS: 'Australia', CHN: 'China', JPN: 'Japan', MYS: 'Malaysia', USA: 'United States' };

/** A country's name inside a sentence: "the United States" (tables and menus use COUNTRY_NAME). */
export const countryIn = (c: CountryId) => (c === 'USA' ? 'the United States' : COUNTRY_NAME[c]);

/** Countries by name in a list: "China, Japan and the United States". */
export const countryList = (cs: readonly CountryId[]) => {
  const n = cs.map(countryIn);
  return n.length < 2 ? n.join('') : `${n.slice(0, -1).join(', ')} and ${n[n.length - 1]}`;
};
/** A country's name as the owner of something at the start of a title: "Japan's", "The United States'". */
export const countryOwns = (c: CountryId) => (c === 'USA' ? "The United States'" : `${COUNTRY_NAME[c]}'s`);

