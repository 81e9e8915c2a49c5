// A seat's status as the class server pushes it to a student's page (src/server/views.ts seatStatus): the round and its
// clock, who is still to submit, the seat's draft and co-players, what the page's End turn sent. Its own file to keep
// the student page (student.ts) small.
import type { CountryId } from '../../engine/index.ts';
import type { SessionSnapshot } from '../session/protocol.ts';

export interface Status {
  className: string;
  status: string;
  world: number;
  worlds: number;
  country: CountryId;
  label: string;
  turn: number;
  round: number;
  rounds: number;
  period: string;
  over: boolean;
  played?: number;
  sandbox: boolean;
  whatIf: string | null;
  clock: { deadline: number | null; remaining: number | null; paused: boolean; serverNow: number };
  waitingFor: CountryId[];
  submitted: { by: string; final: boolean } | null;
  /** the orders this student sent with End turn this round (null: none, or a co-player's) */
  sent?: SessionSnapshot['draft'] | null;
  bot: boolean;
  warned: boolean;
  graceSeconds: number;
  captain: string | null;
  members: string[];
  draft: unknown;
  /** the draft came from this student (this page's echo, or her other tab's), not from a co-player */
  draftMine?: boolean;
  /** which change of the seat's draft this is: a late push carries an older number */
  draftSeq?: number;
  /** what the rules refuse in the draft (src/server/world.ts draftIssues): the page that takes the draft shows them */
  draftIssues?: SessionSnapshot['draftIssues'];
  missedLast?: boolean;
  missed?: 'keep' | 'bot';
  botLast?: boolean;
  /** the turns a bot played this seat (older servers: absent) */
  botTurns?: number[];
}
