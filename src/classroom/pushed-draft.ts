// Whether a class status push's draft replaces the orders on a student's page. The seat's draft is shared by its
// students: a co-player's edit, or her own from another tab, is taken. Not taken: the seat's empty draft (nobody has
// drafted this round yet), a push that left the server before a change this page has already seen (on one socket,
// pushes are late but never out of order, so an older change number means old news), and the echo of what this page
// sent itself, unless it is the echo of her last edit and the page shows something else since (a co-player's draft
// from a push that left the server before her edit reached it, say): each push is the seat's draft as it was sent,
// so an echo of her last edit newer than anything the page has had means the seat has her last edit.

export interface DraftPush {
  turn: number;
  whatIf: string | null;
  draft: unknown;
  /** the draft came from this student (this page's echo, or her other tab's) */
  draftMine?: boolean;
  /** which change of the seat's draft it is (each seat counts its own, from the class's start) */
  draftSeq?: number;
}

export interface PageDraft {
  /** the turn the page shows */
  turn: number;
  /** the highest change number of this seat's draft the page has had, in a push or its snapshot (-1: none yet) */
  seenSeq: number;
  /** the draft this page last sent or took, as JSON */
  lastDraft: string;
  /** the drafts this page sent this round, as JSON */
  sentHere: ReadonlySet<string>;
  /** the last of them ('' for none) */
  lastSent: string;
}

export function takesPushedDraft(p: DraftPush, page: PageDraft): boolean {
  if (p.whatIf || p.turn !== page.turn || p.draft === null || p.draft === undefined) return false;
  if (p.draftSeq !== undefined && p.draftSeq <= page.seenSeq) return false;
  const d = JSON.stringify(p.draft);
  return d !== page.lastDraft && !(p.draftMine && page.sentHere.has(d) && d !== page.lastSent);
}
