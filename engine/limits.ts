// Limits the page shows before an order is sent (no schema or immer here: the browser's page loads it).

/** Largest change in defense spending (points of GDP) a government can carry in one turn, given its approval. */
export function maxDefenseStep(approval: number): number {
  return Math.min(0.5, Math.max(0.1, 0.25 * (approval / 50)));
}

/** The step as the page and the order issue say it: rounded down to hundredths, so that a change of the figure shown
 * is allowed (at approval 49.9 the step is 0.2495: "0.25" refused a change of 0.25, "0.24" does not mislead). */
export function shownDefenseStep(step: number): number {
  return Math.floor(step * 100 + 1e-9) / 100;
}

/** The most entries an order list may hold, and the longest id or project type name: bounds no real turn comes near
 * (assumption: a turn's orders in play hold a handful of investments, a proposal or two a partner, a few answers; ids
 * are a few characters, project types under 20), so that orders that parse stay bounded, whatever a client sends. A
 * classroom keeps a draft that parses, even one the rules refuse, and logs and shares it: before these bounds a
 * well-formed draft could fill a 256 KiB message with investments of a long unknown type. A proposal is answered the
 * turn after it is made, so a country has at most 4 x `proposals` to answer: `answers` and `reasons` hold them all,
 * and the personas, who counter-offer what they refuse, propose at most `proposals` a turn (agents/persona.ts). */
export const ORDER_LIMITS = { investments: 50, proposals: 10, commitments: 10, answers: 50, reasons: 50, idChars: 40 } as const;

/** An id or a project type name in orders: printable ASCII, no spaces ("D12", "JPN", "refinery.light", "P4"); a
 * control character, which JSON writes as six, made the bounds' orders 140 KB instead of 28. */
export const ORDER_ID = /^[!-~]*$/;
/** A reason given with an answer: any text but control characters (JSON writes each as six). */
export const ORDER_TEXT = /^[^\u0000-\u001f\u007f]*$/;
