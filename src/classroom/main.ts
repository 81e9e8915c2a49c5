// The classroom pages (class.html): a student joins with the code and a name and plays in the game's own screen;
// ?teacher creates a class, ?dash=ID is its dashboard, ?projector#TOKEN the projector view, ?debrief=ID the debrief
// pack, ?print=ID the printable briefings. Tokens are kept in this browser (localStorage), never in the server's logs.
import { clear, h } from '../ui/dom.ts';
import { Unreachable, postJson, recall, remember } from './common.ts';

const root = document.getElementById('app')!;
const q = new URLSearchParams(location.search);

function joinScreen(): void {
  clear(root);
  const err = h('p', { class: 'error', role: 'alert', 'data-testid': 'join-error' });
  const code = h('input', { id: 'code', 'data-testid': 'join-code-input', value: q.get('code') ?? '', maxlength: 12, autocomplete: 'off', autocapitalize: 'characters', required: true }) as HTMLInputElement;
  const name = h('input', { id: 'label', 'data-testid': 'join-name', maxlength: 40, autocomplete: 'nickname', required: true }) as HTMLInputElement;
  const wait = h('p', { class: 'waiting', role: 'status', 'data-testid': 'join-waiting' });
  const form = h('form', { class: 'join', 'data-testid': 'join-form' },
    h('label', {}, 'Class code', code), h('label', {}, 'Your name', name),
    h('button', { type: 'submit', class: 'primary', 'data-testid': 'join' }, 'Join the class'), err, wait,
    h('p', { class: 'hint' }, 'Coming back? Use the same name: on this device you get your seat back at once; on another one, your teacher is asked to let you in.'));
  form.addEventListener('input', () => (err.textContent = '')); // an old error does not outlive the field it was about
  let asking = 0; // a request to rejoin under a student's name, asked again every 2 s until the teacher answers
  let asked: { key: string; request: string } | null = null; // sent again with the same code and name: the same request
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const mine = ++asking;
    const key = `${code.value.trim().toUpperCase()}|${name.value.trim().toLowerCase()}`;
    let request = asked?.key === key ? asked.request : undefined;
    try {
      for (;;) {
        // the seat token this browser holds, if any: rejoining its own seat needs no approval
        let r: { token: string } | { pending: true; request: string; message: string; revoked?: boolean };
        try {
          r = await postJson<typeof r>('/api/join', { code: code.value, label: name.value, token: recall('seat') ?? undefined, request });
        } catch (x) {
          // a request waiting for the teacher outlives a restart of the server (it is in the class's log): keep asking
          if (!(x instanceof Unreachable) || request === undefined || mine !== asking) throw x;
          wait.textContent = `The class's server does not answer (restarting?). Your request to rejoin as ${name.value.trim()} still stands: asking again every few seconds.`;
          await new Promise((res) => setTimeout(res, 3000));
          continue;
        }
        if (mine !== asking) return; // the form was sent again meanwhile
        if ('token' in r) {
          wait.textContent = '';
          remember('seat', r.token);
          history.replaceState(null, '', location.pathname); // a refresh comes back to the seat, not to this form
          return await play(r.token);
        }
        request = r.request;
        asked = { key, request };
        // a student the teacher took out of the class is not asked whether the name is theirs
        wait.textContent = r.revoked
          ? `Your teacher took ${name.value.trim()} out of this class. ${r.message[0].toUpperCase()}${r.message.slice(1)}: they see your request on their screen.`
          : `${name.value.trim()} is a name already in this class. ${r.message[0].toUpperCase()}${r.message.slice(1)}: they see your request on their screen. Not you? Change your name and join again.`;
        await new Promise((res) => setTimeout(res, 2000));
      }
    } catch (x) {
      if (mine !== asking) return;
      wait.textContent = '';
      err.textContent = (x as Error).message;
    }
  });
  root.append(h('main', { class: 'class-page join-page' }, h('h1', {}, 'Rare Earth Gambit: join a class'), form, h('p', { class: 'hint' }, h('a', { href: 'index.html' }, 'Play alone instead'), ' · ', h('a', { href: '?teacher' }, 'I am the teacher'))));
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
  if (q.get('print')) return (await import('./debrief.ts')).printScreen(root, q.get('print')!);
  const seat = recall('seat');
  if (seat && !q.has('code')) return play(seat);
  joinScreen();
}

void route();
