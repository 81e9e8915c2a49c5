// Which class status pushes replace the orders on a student's page (src/classroom/pushed-draft.ts). A push leaves the
// server up to 50 ms after the change it reports, so it can reach a page after the student's next edit: a late push
// must not put older orders back over hers. The first row is the CI failure of 9b1ee75: the round's opening push,
// with nobody's draft, arrived after Ann typed 25, and End turn sent no tariff.
import { describe, expect, it } from 'vitest';
import { takesPushedDraft, type DraftPush, type PageDraft } from '../src/classroom/pushed-draft.ts';

const hers = JSON.stringify({ tariffs: { JPN: { other: 25 } } });
const bens = { tariffs: { JPN: { other: 40 } } };
const page: PageDraft = { turn: 3, seenSeq: 4, lastDraft: hers, sentHere: new Set([hers]), lastSent: hers };
const twenty = { tariffs: { JPN: { other: 20 } } };
// the page sent her 25, then took Ben's 40 from a push that left the server before her 25 reached it
const tookBens: PageDraft = { ...page, seenSeq: 5, lastDraft: JSON.stringify(bens) };
const push = (p: Partial<DraftPush>): DraftPush => ({ turn: 3, whatIf: null, draft: bens, draftMine: false, draftSeq: 5, ...p });

describe('takesPushedDraft', () => {
  it.each<[string, DraftPush, PageDraft, boolean]>([
    ["the round's empty draft, late, after her edit", push({ draft: null, draftSeq: 4 }), page, false],
    ['an empty draft with a newer number (a new round, before the snapshot)', push({ draft: null, draftSeq: 9 }), page, false],
    ["a co-player's draft, newer than any seen", push({}), page, true],
    ["the same co-player's draft again, after she edited it", push({ draftSeq: 4 }), page, false],
    ["an older co-player's draft", push({ draftSeq: 2 }), page, false],
    ['the echo of what this page sent', push({ draft: JSON.parse(hers), draftMine: true }), page, false],
    ['an older echo of her own, this page sent it', push({ draft: twenty, draftMine: true }), { ...page, sentHere: new Set([JSON.stringify(twenty), hers]) }, false],
    ["her last edit's echo, after a co-player's draft that left before it reached the server: the seat has hers", push({ draft: JSON.parse(hers), draftMine: true, draftSeq: 6 }), tookBens, true],
    ["her last edit's echo, no newer than the co-player's draft the page took: the seat has his", push({ draft: JSON.parse(hers), draftMine: true, draftSeq: 5 }), tookBens, false],
    ["an older edit's echo in that case: her last is on its way", push({ draft: twenty, draftMine: true, draftSeq: 6 }), { ...tookBens, sentHere: new Set([JSON.stringify(twenty), hers]) }, false],
    ['her own draft from another tab', push({ draftMine: true }), page, true],
    ['the draft the page already shows', push({ draft: JSON.parse(hers) }), page, false],
    ['another turn', push({ turn: 4 }), page, false],
    ['a what-if', push({ whatIf: 'fork 1' }), page, false],
    ['a server without change numbers: as before', push({ draftSeq: undefined }), page, true],
    ['the first push a page has', push({ draftSeq: 0 }), { ...page, seenSeq: -1 }, true],
    ["a push of the change its snapshot showed, after her edit (seenSeq from the snapshot)", push({ draftSeq: 4 }), page, false],
  ])('%s', (_why, p, pg, takes) => {
    expect(takesPushedDraft(p, pg)).toBe(takes);
  });
});
