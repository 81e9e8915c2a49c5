// Types for seedrandom's alea module imported on its own (engine/prng.ts); @types/seedrandom types only the root.
declare module 'seedrandom/lib/alea.js' {
  import type seedrandom from 'seedrandom';
  const alea: (typeof seedrandom)['alea'];
  export default alea;
}
