// The debrief pack on the teacher's screen: every world against the others and the status-quo path, discussion prompts
// drawn from what happened, each seat's decisions that mattered (counterfactual replays), exports and replay files.
// Also the printable briefings: one sheet per student.
import { COUNTRIES, type CountryId } from '../../engine/index.ts';
import type { Decision } from '../session/protocol.ts';
import { PALETTE, clear, fmt, h } from '../ui/dom.ts';
import { lineChart, type Series } from '../ui/chart.ts';
import { classSocket } from './socket-session.ts';
import { COUNTRY_NAME, countryOwns, download, recall } from './common.ts';

interface WorldSeries { index: number; seed: number; dates: string[]; ndpr: number[]; dytb: number[]; magnet: number[]; scores: Record<CountryId, number[]>; magnetSupply: Record<CountryId, number[]>; gdp: Record<CountryId, number[]>; events: { turn: number; date: string; title: string }[]; botTurns: Record<CountryId, number> }
interface Debrief { name: string; code: string; status: string; worlds: WorldSeries[]; baseline: Omit<WorldSeries, 'index' | 'events' | 'botTurns'>; prompts: string[]; decisionsReady: boolean; seats: { world: number; country: CountryId; students: string[]; score: number; decisions: Decision[] }[] }

const WORLD_COLOURS = [PALETTE.blue, PALETTE.vermillion, PALETTE.green, PALETTE.purple, PALETTE.orange, PALETTE.sky, PALETTE.yellow, '#000000'];

function noToken(root: HTMLElement): void {
  root.append(h('main', { class: 'class-page' }, h('h1', {}, 'Not your class on this computer'), h('a', { href: '?teacher' }, 'Create a class')));
}

export async function debriefScreen(root: HTMLElement, classId: string): Promise<void> {
  clear(root);
  const token = recall(`teacher:${classId}`);
  if (!token) return noToken(root);
  const sock = classSocket(token);
  const box = h('main', { class: 'class-page debrief', 'data-testid': 'debrief' }, h('p', {}, 'Preparing the debrief pack: each decision is measured by replaying its world without it…'));
  root.append(box);
  const d = await sock.call<Debrief>('debrief');
  clear(box);
  const n = Math.max(...d.worlds.map((w) => w.dates.length), 0);
  const x = d.worlds.find((w) => w.dates.length === n)?.dates ?? [];
  const chart = (title: string, f: (w: Omit<WorldSeries, 'index' | 'events' | 'botTurns'>) => number[], unit = '') => {
    const series: Series[] = d.worlds.map((w, i) => ({ label: `World ${w.index + 1}`, values: f(w), colour: WORLD_COLOURS[i % WORLD_COLOURS.length] }));
    series.push({ label: 'status quo', values: f(d.baseline), colour: PALETTE.grey, dashed: true });
    return lineChart(title, series, 400, 190, unit, x);
  };
  const exp = (path: string, name: string) => () => void download(`/api/classes/${classId}/${path}`, token, name).catch((e: Error) => alert(e.message));
  box.append(
    h('header', { class: 'row' }, h('h1', {}, `Debrief: ${d.name}`), h('a', { class: 'button', href: `?dash=${classId}` }, 'Back to the dashboard')),
    d.status !== 'ended' ? h('p', { class: 'hint' }, 'The class is still playing: this is the story so far. The decisions that mattered are measured once the class has ended.') : '',
    h('section', { 'data-testid': 'prompts' }, h('h2', {}, 'To discuss'), h('ol', { class: 'prompts' }, ...d.prompts.map((p) => h('li', {}, p)))),
    h('h2', {}, 'The worlds side by side'),
    h('div', { class: 'charts', 'data-testid': 'debrief-charts' },
      chart('NdPr oxide outside China, USD/kg', (w) => w.ndpr),
      chart('Dy/Tb oxide outside China, USD/kg', (w) => w.dytb),
      chart('NdFeB magnets outside China, USD/kg', (w) => w.magnet),
      chart("Japan's magnet supply, % of need", (w) => w.magnetSupply.JPN.map((v) => v * 100), '%'),
      ...COUNTRIES.map((c) => chart(`${countryOwns(c)} score, points`, (w) => w.scores[c])),
    ),
    h('h2', {}, 'Seats and the decisions that mattered'),
    h('p', { class: 'hint' }, 'Worth: the seat\'s final score minus its score had its world been replayed without that round\'s orders (everyone else\'s as they were).'),
    h('table', { class: 'grid decisions', 'data-testid': 'decisions' },
      h('thead', {}, h('tr', {}, h('th', {}, 'World'), h('th', {}, 'Country'), h('th', {}, 'Students'), h('th', {}, 'Score'), h('th', {}, 'Decisions that mattered (worth, points)'))),
      h('tbody', {}, ...d.seats.filter((s) => s.students.length || d.worlds[s.world].botTurns[s.country] < n).map((s) => h('tr', {},
        h('td', {}, String(s.world + 1)), h('th', {}, COUNTRY_NAME[s.country]), h('td', {}, s.students.join(', ') || 'bot'), h('td', {}, fmt.signed(s.score, 2)),
        h('td', {}, s.decisions.length ? h('ul', {}, ...s.decisions.slice(0, 3).map((x) => h('li', {}, `${x.date}: ${x.summary} `, h('b', {}, fmt.signed(x.worth, 2))))) : d.decisionsReady ? 'no orders' : '…'),
      ))),
    ),
    h('h2', {}, 'Events'),
    h('ul', { class: 'news' }, ...d.worlds.flatMap((w) => w.events.map((e) => h('li', {}, `World ${w.index + 1}, ${e.date}: ${e.title}`)))),
    h('h2', {}, 'Export'),
    h('div', { class: 'row' },
      h('button', { type: 'button', 'data-testid': 'export-csv', onclick: exp('export.csv', `class-${d.code}.csv`) }, 'Orders and outcomes (CSV)'),
      h('button', { type: 'button', 'data-testid': 'export-jsonl', onclick: exp('export.jsonl', `class-${d.code}.jsonl`) }, 'The same as JSONL'),
      ...d.worlds.map((w) => h('button', { type: 'button', 'data-testid': `replay-${w.index + 1}`, onclick: exp(`worlds/${w.index + 1}/replay.json`, `class-${d.code}-world-${w.index + 1}.json`) }, `World ${w.index + 1} replay`)),
    ),
    h('p', { class: 'hint' }, 'A replay file checks with: npm run gambit -- replay verify FILE'),
  );
}

interface Sheets { className: string; code: string; sheets: { label: string; world: number; briefing: { country: CountryId; name: string; situation: string[]; objectives: { name: string; weight: number; meaning: string }[]; levers: string[] } }[]; glossary: [string, string][] }

export async function printScreen(root: HTMLElement, classId: string): Promise<void> {
  clear(root);
  const token = recall(`teacher:${classId}`);
  if (!token) return noToken(root);
  const d = await classSocket(token).call<Sheets>('briefings');
  const page = h('main', { class: 'print', 'data-testid': 'briefings' },
    h('p', { class: 'no-print' }, `${d.sheets.length} sheet${d.sheets.length === 1 ? '' : 's'}, one per student. `, h('button', { type: 'button', onclick: () => print() }, 'Print'), d.sheets.length ? '' : ' (no student has joined yet)'),
  );
  for (const s of d.sheets) {
    const b = s.briefing;
    page.append(h('article', { class: 'sheet', 'data-testid': 'sheet' },
      h('header', {}, h('h1', {}, `${s.label}: ${b.name}`), h('div', {}, `${d.className} · world ${s.world + 1} · class code ${d.code}`)),
      h('h2', {}, 'The situation'), ...b.situation.map((p) => h('p', {}, p)),
      h('h2', {}, 'Your objectives'), h('ul', {}, ...b.objectives.map((o) => h('li', {}, h('b', {}, `${o.name} (weight ${o.weight})`), `: ${o.meaning}`))),
      h('h2', {}, 'Your levers'), h('ul', {}, ...b.levers.map((l) => h('li', {}, l))),
      h('h2', {}, 'Glossary'), h('dl', {}, ...d.glossary.flatMap(([t, m]) => [h('dt', {}, t), h('dd', {}, m)])),
    ));
  }
  root.append(page);
}
