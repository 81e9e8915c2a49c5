// Prints a fingerprint of each Math function the engine uses, over 20,000 fixed arguments. Run it under two runtimes
// (.ci/run does, for Node 20 and 24) and diff: a function whose line differs gives different bits there, and any
// state hash that depends on it will differ too. Basic arithmetic and Math.sqrt are exact in every engine.
import { createHash } from 'node:crypto';

let s = 12345;
const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
const args = Array.from({ length: 20000 }, () => [next() * 3, (next() - 0.5) * 10]);
const fns = {
  pow: ([x, y]) => Math.pow(x, y),
  exp: ([, y]) => Math.exp(y),
  log: ([x]) => Math.log(x + 0.01),
  sin: ([, y]) => Math.sin(y),
  cos: ([, y]) => Math.cos(y),
  asin: ([, y]) => Math.asin(y / 5),
  hypot: ([x, y]) => Math.hypot(x, y),
  sqrt: ([x]) => Math.sqrt(x),
};
for (const [name, f] of Object.entries(fns)) {
  const h = createHash('sha1');
  for (const a of args) h.update(String(f(a)));
  console.log(`${name.padEnd(6)} ${h.digest('hex').slice(0, 16)}`);
}
