// Tonnes as the engine's news says them, shared with the page's digest (which merges the engine's lines).

/** "2,394 t" from 100 t up, "12.5 t" below. */
export const fmtT = (t: number): string => (t >= 100 ? `${String(Math.round(t)).replace(/\B(?=(\d{3})+$)/g, ',')} t` : `${t.toFixed(1)} t`);
