// The classroom pages (class.html): a student joins with the code and a name and plays in the game's own screen;
// ?teacher creates a class, ?dash=ID is its dashboard, ?projector#TOKEN the projector view, ?debrief=ID the debrief
// pack, ?print=ID the printable briefings. Tokens are kept in this browser (localStorage), never in the server's logs.
import { clear, h } from '../ui/dom.ts';
import { Unreachable, postJson, recall, remember } from './common.ts';
import { c, classLang, langSwitch, said, urlLang } from './words.ts';
import { onLangChange } from '../ui/i18n.ts';

const root = document.getElementById('app')!;
const q = new URLSearchParams(location.search);

// a request to rejoin outlives the form it was sent from: the language switch draws the form again, and the loop
// below (still asking every 2 s) writes to the form now on the page, whose waiting line says the same in the new language
let asking = 0; // a request to rejoin under a student's name, asked again every 2 s until the teacher answers
let asked: { key: string; request: string } | null = null; // sent again with the same code and name: the same request
let waiting: { key: string; name: string } | null = null; // what the waiting line says (a catalogue key and the name)
let failed: unknown = null; // the server's refusal under the form (said again in another language)
const waitLine = () => root.querySelector<HTMLElement>('[data-testid=join-waiting]');
const say = (w: typeof waiting) => {
  waiting = w;
  const el = waitLine();
  if (el) el.textContent = w ? c(w.key, { name: w.name }) : '';
};

/** The join form; `typed`: what was in its fields (drawn again in another language). */
function joinScreen(typed: { code: string; name: string } = { code: q.get('code') ?? '', name: q.get('name') ?? '' }): void {
  clear(root);
  const err = h('p', { class: 'error', role: 'alert', 'data-testid': 'join-error' });
  const code = h('input', { id: 'code', 'data-testid': 'join-code-input', value: typed.code, maxlength: 12, autocomplete: 'off', autocapitalize: 'characters', required: true }) as HTMLInputElement;
  const name = h('input', { id: 'label', 'data-testid': 'join-name', value: typed.name, maxlength: 40, autocomplete: 'nickname', required: true }) as HTMLInputElement;
  const wait = h('p', { class: 'waiting', role: 'status', 'data-testid': 'join-waiting' });
  const form = h('form', { class: 'join', 'data-testid': 'join-form' },
    h('label', {}, c('join.code'), code), h('label', {}, c('join.name'), name),
    h('button', { type: 'submit', class: 'primary', 'data-testid': 'join' }, c('join.submit')), err, wait,
    h('p', { class: 'hint' }, c('join.hint')));
  form.addEventListener('input', () => { failed = null; err.textContent = ''; }); // an old error does not outlive the field it was about
  if (waiting) wait.textContent = c(waiting.key, { name: waiting.name });
  if (failed) err.textContent = said(failed);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    // a new try starts clean: the last one's refusal ("choose another name") stayed above "Waiting for your teacher"
    failed = null;
    err.textContent = '';
    const mine = ++asking;
    const key = `${code.value.trim().toUpperCase()}|${name.value.trim().toLowerCase()}`;
    const typed = { code: code.value, label: name.value }; // the form may be drawn again (another language) meanwhile
    const label = typed.label.trim();
    let request = asked?.key === key ? asked.request : undefined;
    try {
      for (;;) {
        // the seat token this browser holds, if any: rejoining its own seat needs no approval
        let r: { token: string } | { pending: true; request: string; message: string; revoked?: boolean };
        try {
          r = await postJson<typeof r>('/api/join', { ...typed, token: recall('seat') ?? undefined, request });
        } catch (x) {
          // a request waiting for the teacher outlives a restart of the server (it is in the class's log): keep asking
          if (!(x instanceof Unreachable) || request === undefined || mine !== asking) throw x;
          say({ key: 'join.unreachable', name: label });
          await new Promise((res) => setTimeout(res, 3000));
          continue;
        }
        if (mine !== asking) return; // the form was sent again meanwhile
        if ('token' in r) {
          say(null);
          remember('seat', r.token);
          remember('seatCode', typed.code.trim().toUpperCase()); // the join link with this code resumes the seat
          // a refresh comes back to the seat, not to this form (in the language the address named, if it named one)
          history.replaceState(null, '', `${location.pathname}${urlLang() ? `?lang=${urlLang()}` : ''}`);
          return await play(r.token);
        }
        request = r.request;
        asked = { key, request };
        // a student the teacher took out of the class is not asked whether the name is theirs
        // (the server's message says the same in English: the page words it in the page's language)
        say({ key: r.revoked ? 'join.revoked' : 'join.taken', name: label });
        await new Promise((res) => setTimeout(res, 2000));
      }
    } catch (x) {
      if (mine !== asking) return;
      say(null);
      failed = x;
      const shown = root.querySelector<HTMLElement>('[data-testid=join-error]'); // the form on the page now (redrawn in another language?)
      if (shown) shown.textContent = said(x);
    }
  });
  root.append(h('main', { class: 'class-page join-page' }, h('header', { class: 'row' }, h('h1', {}, c('join.title')), langSwitch()), form, h('p', { class: 'hint' }, h('a', { href: 'index.html' }, c('join.alone')), ' · ', h('a', { href: `?teacher${urlLang() ? `&lang=${urlLang()}` : ''}` }, c('join.teacher')))));
  (code.value ? name : code).focus();
}

async function play(token: string): Promise<void> {
  const { studentScreen } = await import('./student.ts');
  await studentScreen(root, token);
}

async function route(): Promise<void> {
  if (q.has('teacher')) return (await import('./teacher.ts')).createClassScreen(root);
  if (q.get('dash')) return (await import('./teacher.ts')).dashboard(root, q.get('dash')!);
  if (q.has('projector')) return (await import('./projector.ts')).projectorScreen(root, decodeURIComponent(location.hash.slice(1)));
  if (q.get('debrief')) return (await import('./debrief.ts')).debriefScreen(root, q.get('debrief')!);
  if (q.get('print')) return (await import('./print.ts')).printScreen(root, q.get('print')!);
  // this browser's seat, on a bare class.html or on the join link of its class (a link to another class: the form)
  const seat = recall('seat');
  if (seat && (!q.has('code') || q.get('code')!.trim().toUpperCase() === recall('seatCode'))) return play(seat);
  await classLang();
  joinScreen();
  // the language switch draws the form again in the new language, with what was typed in it
  onLangChange(() => {
    const field = (id: string) => (root.querySelector(`#${id}`) as HTMLInputElement | null)?.value;
    const code = field('code');
    if (code !== undefined) joinScreen({ code, name: field('label') ?? '' });
  });
}

void route();
