// One quarter's clearing of one rare-earth market across the six regions, with export caps, leakage, rerouting and tariffs.
// Closed-form and O(regions^2): short-run demand is inelastic, so shortages show as price spikes.

export const NR = 6; // regions, in REGIONS order: AUS CHN JPN MYS ROW USA

export interface MarketParams {
  basePrice: number;
  shortRunElasticity: number; // < 0
  maxPriceMultiple: number;
  leakage: number;
  absorbShare: number;
  reroute: number;
}

export interface MarketInput {
  /** t offered by producers in each region this turn */
  supply: number[];
  /** t each region wants to buy at the base price (use + restocking), already scaled by long-run adjustment */
  want: number[];
  /** cap[s][d]: t that may go from s to d this turn (Infinity = open) */
  cap: number[][];
  /** reserved[s][d]: t contracted from s to d (offtakes), served first */
  reserved: number[][];
  /** tariff[d][s]: importer d's tariff on goods from s, as a fraction */
  tariff: number[][];
  /** wedge[s][d]: extra freight cost as a fraction of price on the s->d lane */
  wedge: number[][];
}

export interface MarketResult {
  /** integrated price before caps, USD/kg */
  pStar: number;
  /** price paid in each region, USD/kg */
  price: number[];
  /** flows[s][d], t; flows[r][r] = own production used at home */
  flows: number[][];
  /** t each region obtained (own use of own output + imports + blocked volume it keeps) */
  received: number[];
  /** t each region wanted at the cleared integrated price */
  demanded: number[];
  /** t blocked by each exporter's caps that its state absorbs into stockpile */
  absorbed: number[];
  /** t lost to each destination by each exporter's caps after leakage and rerouting: blockedTo[s][d] */
  blockedTo: number[][];
}

function zeros(): number[][] {
  const m: number[][] = [];
  for (let i = 0; i < NR; i++) m.push([0, 0, 0, 0, 0, 0]);
  return m;
}

export function clearMarket(p: MarketParams, m: MarketInput): MarketResult {
  const { supply, want, cap, reserved, tariff, wedge } = m;
  const eps = p.shortRunElasticity;
  let S = 0;
  let W = 0;
  for (let r = 0; r < NR; r++) {
    S += supply[r];
    W += want[r];
  }
  const lo = p.basePrice / p.maxPriceMultiple;
  const hi = p.basePrice * p.maxPriceMultiple;
  let pStar = W > 0 && S > 0 ? p.basePrice * Math.pow(S / W, 1 / eps) : W > 0 ? hi : lo;
  pStar = Math.min(hi, Math.max(lo, pStar));
  const scale = Math.pow(pStar / p.basePrice, eps);
  const q: number[] = new Array(NR);
  const surplus: number[] = new Array(NR);
  const deficit: number[] = new Array(NR);
  let Q = 0;
  for (let r = 0; r < NR; r++) {
    q[r] = want[r] * scale;
    Q += q[r];
  }
  // when the price hit a bound, the market does not clear exactly: ration or leave surplus pro rata
  const fill = Q > 0 ? Math.min(1, S / Q) : 0;
  for (let r = 0; r < NR; r++) {
    const use = Math.min(supply[r], q[r] * fill);
    surplus[r] = supply[r] - use;
    deficit[r] = q[r] * fill - use;
  }
  const flows = zeros();
  for (let r = 0; r < NR; r++) flows[r][r] = supply[r] - surplus[r];
  // contracts first
  for (let s = 0; s < NR; s++) {
    for (let d = 0; d < NR; d++) {
      if (s === d || reserved[s][d] <= 0) continue;
      const amt = Math.min(reserved[s][d], surplus[s], deficit[d]);
      if (amt > 0) {
        flows[s][d] += amt;
        surplus[s] -= amt;
        deficit[d] -= amt;
      }
    }
  }
  // then the pool, pro rata
  let D = 0;
  let Sp = 0;
  for (let r = 0; r < NR; r++) {
    D += deficit[r];
    Sp += surplus[r];
  }
  const moved = Math.min(D, Sp);
  if (moved > 0) {
    for (let s = 0; s < NR; s++) {
      if (surplus[s] <= 0) continue;
      const out = (surplus[s] / Sp) * moved;
      for (let d = 0; d < NR; d++) if (deficit[d] > 0 && d !== s) flows[s][d] += (out * deficit[d]) / D;
      surplus[s] -= out;
    }
  }
  // export caps: blocked volume, part of which leaks through third countries
  const blockedTo = zeros();
  const blocked: number[] = [0, 0, 0, 0, 0, 0];
  for (let s = 0; s < NR; s++) {
    for (let d = 0; d < NR; d++) {
      if (s === d) continue;
      const c = cap[s][d];
      if (flows[s][d] > c) {
        const b = flows[s][d] - c;
        const leak = p.leakage * b;
        flows[s][d] = c + leak;
        blockedTo[s][d] = b - leak;
        blocked[s] += b - leak;
      }
    }
  }
  // rerouting: the blocked exporter sells more to open buyers, whose other suppliers divert to the blocked buyer
  for (let s = 0; s < NR; s++) {
    if (blocked[s] <= 0) continue;
    for (let d = 0; d < NR; d++) {
      const bb = blockedTo[s][d];
      if (bb <= 0) continue;
      let F = 0;
      for (let o = 0; o < NR; o++) {
        if (o === s || o === d || cap[o][d] !== Infinity) continue;
        for (let e = 0; e < NR; e++) if (e !== o && e !== d && e !== s && cap[s][e] === Infinity) F += flows[o][e];
      }
      if (F <= 0) continue;
      const w = Math.min(p.reroute * bb, F);
      for (let o = 0; o < NR; o++) {
        if (o === s || o === d || cap[o][d] !== Infinity) continue;
        for (let e = 0; e < NR; e++) {
          if (e === o || e === d || e === s || cap[s][e] !== Infinity || flows[o][e] <= 0) continue;
          const delta = (flows[o][e] * w) / F;
          flows[o][e] -= delta;
          flows[o][d] += delta;
          flows[s][e] += delta;
        }
      }
      blockedTo[s][d] -= w;
      blocked[s] -= w;
    }
  }
  const absorbed: number[] = new Array(NR);
  const received: number[] = new Array(NR);
  const price: number[] = new Array(NR);
  for (let d = 0; d < NR; d++) {
    absorbed[d] = blocked[d] * p.absorbShare;
    flows[d][d] += blocked[d] - absorbed[d];
  }
  for (let d = 0; d < NR; d++) {
    let got = 0;
    let taxed = 0;
    for (let s = 0; s < NR; s++) {
      const f = flows[s][d];
      got += f;
      if (s !== d && f > 0) taxed += f * (tariff[d][s] + wedge[s][d]);
    }
    received[d] = got;
    // each region's price clears its own purchases against what it wanted at the base price,
    // so an open market lands on pStar and a split one gets its own price
    let pd = pStar;
    if (want[d] > 1e-9 && got > 1e-9) pd = p.basePrice * Math.pow(got / want[d], 1 / eps);
    else if (want[d] > 1e-9) pd = hi;
    pd = Math.min(hi, Math.max(lo, pd));
    price[d] = got > 0 ? pd * (1 + taxed / got) : pd;
  }
  return { pStar, price, flows, received, demanded: q, absorbed, blockedTo };
}
