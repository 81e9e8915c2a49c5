// Where a JSON text first goes wrong, for error messages: V8's JSON.parse names a position for most syntax errors but
// not all ("Unexpected token 'x', "{"id": x}" is not valid JSON" names none), and a hand-edited scenario needs a line
// and column. A small scanner of the JSON grammar (RFC 8259) finds the offset of the first character that cannot be.

/** The offset of the first character at which `text` stops being JSON (text.length for an early end), or -1 if it
 * is valid JSON. */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && /[ \t\n\r]/.test(text[i])) i++;
  };
  class Stop extends Error {}
  const fail = (): never => {
    throw new Stop();
  };
  const lit = (w: string) => {
    for (const ch of w) if (text[i++] !== ch) return (i--, fail());
  };
  const str = () => {
    i++; // the opening quote
    for (;;) {
      if (i >= text.length) fail();
      const c = text[i];
      if (c === '"') return void i++;
      if (c < ' ') fail();
      if (c === '\\') {
        i++;
        if (text[i] === 'u') {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) return ((i += k), fail());
          i += 5;
        } else if (/["\\/bfnrt]/.test(text[i] ?? '')) i++;
        else fail();
      } else i++;
    }
  };
  // sticky, read in place: a number of any length (JSON.parse takes 500 digits; a slice of the text cut it short)
  const NUM = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
  const num = () => {
    NUM.lastIndex = i;
    const m = NUM.exec(text);
    if (!m) return void (text[i] === '-' ? (i++, fail()) : fail());
    i += m[0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        str();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    }
    if (c === '"') return str();
    if (c === 't') return lit('true');
    if (c === 'f') return lit('false');
    if (c === 'n') return lit('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return num();
    fail();
  };
  try {
    if (text.charCodeAt(0) === 0xfeff) fail(); // JSON.parse refuses a byte-order mark too
    value();
    ws();
    return i < text.length ? i : -1;
  } catch (e) {
    if (e instanceof Stop) return Math.min(i, text.length);
    if (e instanceof RangeError) return -1; // a stack overflow on absurd nesting (JSON.parse nests without one): no position
    throw e;
  }
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, pos: number): { line: number; column: number } {
  const before = text.slice(0, pos);
  return { line: before.split('\n').length, column: pos - before.lastIndexOf('\n') };
}
