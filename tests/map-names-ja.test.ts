// The map's ports and straits in the player's language: Malaysia's Japanese game listed "港：Yokohama",
// "航路：Busan – Yokohama" and "海峡：Strait of Malacca" in the map's menu and tooltips.
import { afterAll, describe, expect, it } from 'vitest';
import mapJson from '../content/map.json';
import { placeName } from '../src/ui/labels.ts';
import { setLang } from '../src/ui/i18n.ts';

const places = [...mapJson.ports.map((p) => ['port', p.id, p.name] as const), ...mapJson.straits.map((s) => ['strait', s.id, s.name] as const)];

describe('port and strait names', () => {
  afterAll(() => setLang('en'));

  it('in English are the map content’s names, and in Japanese every port and strait has a Japanese name', async () => {
    expect(places.length).toBeGreaterThanOrEqual(20);
    for (const [kind, id, en] of places) expect(placeName(kind, id, en), id).toBe(en);
    await setLang('ja');
    for (const [kind, id, en] of places) {
      const ja = placeName(kind, id, en);
      expect(ja.match(/[A-Za-z]{2,}/g) ?? [], `${id}: ${ja}`).toEqual([]);
    }
    expect(placeName('port', 'yokohama', 'Yokohama')).toBe('横浜');
    expect(placeName('strait', 'malacca', 'Strait of Malacca')).toBe('マラッカ海峡');
    // one the catalogue lacks keeps the content's name
    expect(placeName('port', 'atlantis', 'Atlantis')).toBe('Atlantis');
  });
});
