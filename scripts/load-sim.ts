// The classroom load simulation (npm run load, and a small version in the test suite): classes of students over
// websockets against a server, each student submitting once a round after a random think time. It counts orders
// sent, acknowledged and lost (an acknowledged order missing from its world's record, or a sent one never answered),
// the latency from submit to acknowledgement, the server's world resolution times and its peak memory.
import { connect, post, type Client } from '../tests/classroom/client.ts';

export interface LoadOptions {
  base: string;
  classes: number;
  students: number;
  rounds: number;
  roundSeconds: number;
  /** think time before a submit, as a share of the round: [min, max] */
  think?: [number, number];
  /** a deterministic stream of think times */
  seed?: number;
}

export interface LoadResult {
  classes: number;
  students: number;
  worlds: number;
  rounds: number;
  sent: number;
  acked: number;
  /** refused because the round had already ended on the clock (not lost: the student was told) */
  late: number;
  lost: number;
  ackP50: number;
  ackP99: number;
  resolveP50: number;
  resolveP99: number;
  resolves: number;
  peakRssMb: number;
  /** CPU time the server used during the run */
  serverCpuSeconds: number;
  seconds: number;
}

const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : 0;
};

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const t0 = performance.now();
  const cpu0 = ((await (await fetch(`${o.base}/api/stats`)).json()) as { cpuSeconds: number }).cpuSeconds;
  let rng = o.seed ?? 1;
  const rand = () => ((rng = (rng * 1103515245 + 12345) % 2147483648) / 2147483648);
  const [lo, hi] = o.think ?? [0.1, 0.7];
  const worlds = Math.ceil(o.students / 5);
  const lat: number[] = [];
  let sent = 0;
  let acked = 0;
  let late = 0;
  /** acknowledged orders: class, world, turn, country, orders (checked against the class's record at the end) */
  const record: { cls: string; token: string; world: number; turn: number; country: string; orders: unknown }[] = [];
  const teachers: { classId: string; token: string; client: Client }[] = [];
  const students: { cls: string; world: number; country: string; client: Client }[] = [];

  for (let c = 0; c < o.classes; c++) {
    const r = await post(o.base, '/api/classes', { name: `load ${c + 1}`, worlds, turns: o.rounds, roundSeconds: o.roundSeconds, seatsPerCountry: 1, idleGraceSeconds: 0 });
    if (r.status !== 200) throw new Error(`create class: ${JSON.stringify(r.json)}`);
    const classId = r.json.classId as string;
    teachers.push({ classId, token: r.json.teacherToken as string, client: await connect(o.base, r.json.teacherToken as string) });
    const joins = await Promise.all(Array.from({ length: o.students }, (_, i) => post(o.base, '/api/join', { code: r.json.code, label: `student ${i + 1}` })));
    for (const j of joins) {
      if (j.status !== 200) throw new Error(`join: ${JSON.stringify(j.json)}`);
      students.push({ cls: classId, world: j.json.world as number, country: j.json.country as string, client: await connect(o.base, j.json.token as string) });
    }
  }
  await Promise.all(teachers.map((t) => t.client.call('begin')));

  const play = async (s: (typeof students)[number], k: number) => {
    let turn = 0;
    while (turn < o.rounds) {
      await new Promise((r) => setTimeout(r, (lo + (hi - lo) * rand()) * o.roundSeconds * 1000));
      const orders = { tariffs: { [s.country === 'CHN' ? 'JPN' : 'CHN']: { other: 1 + ((k + turn) % 9) } } };
      const t = performance.now();
      sent++;
      let ack = false;
      const reply = await Promise.race([
        s.client.call('submit', [orders, turn], () => {
          ack = true;
          acked++;
          lat.push(performance.now() - t);
        }),
        new Promise<null>((r) => setTimeout(() => r(null), (o.roundSeconds * 3 + 30) * 1000)),
      ]);
      if (!reply) break; // acknowledged or not, the check against the record below counts it
      const v = reply.value as { ok: boolean; error?: string; value?: { turn: number } } | undefined;
      if (ack) record.push({ cls: s.cls, token: '', world: s.world, turn: turn + 1, country: s.country, orders });
      if (v?.ok) turn = v.value!.turn;
      else if (v && /round has ended|game is over/.test(v.error ?? '')) {
        late++;
        const snap = (await s.client.call('snapshot')).value as { turn: number };
        turn = snap.turn;
        if (/game is over/.test(v.error ?? '')) break;
      } else throw new Error(`submit refused: ${JSON.stringify(reply)}`);
    }
  };
  await Promise.all(students.map((s, k) => play(s, k)));

  // every acknowledged order is in its world's record, for its turn and country (the last one a seat sent stands)
  // lost: sent and neither acknowledged nor refused with a message, or acknowledged and missing from the record
  let lost = sent - acked - late;
  for (const t of teachers) {
    const r = await fetch(`${o.base}/api/classes/${t.classId}/export.jsonl`, { headers: { authorization: `Bearer ${t.token}` } });
    const rows = (await r.text()).trim().split('\n').map((l) => JSON.parse(l) as { world: number; turn: number; country: string; orders: string });
    const mine = record.filter((x) => x.cls === t.classId);
    for (const x of mine) {
      const row = rows.find((y) => y.world === x.world + 1 && y.turn === x.turn && y.country === x.country);
      if (!row || row.orders !== JSON.stringify(x.orders)) lost++;
    }
  }
  const stats = (await (await fetch(`${o.base}/api/stats`)).json()) as { peakRss: number; resolveP50: number; resolveP99: number; resolves: number; cpuSeconds: number };
  for (const s of students) s.client.close();
  for (const t of teachers) t.client.close();
  return {
    classes: o.classes,
    students: o.classes * o.students,
    worlds: o.classes * worlds,
    rounds: o.rounds,
    sent,
    acked,
    late,
    lost,
    ackP50: q(lat, 0.5),
    ackP99: q(lat, 0.99),
    resolveP50: stats.resolveP50,
    resolveP99: stats.resolveP99,
    resolves: stats.resolves,
    peakRssMb: stats.peakRss / 1048576,
    serverCpuSeconds: stats.cpuSeconds - cpu0,
    seconds: (performance.now() - t0) / 1000,
  };
}

export function summaryLine(r: LoadResult): string {
  return `load: ${r.classes} classes, ${r.students} students, ${r.worlds} worlds, ${r.rounds} rounds | orders sent ${r.sent}, acked ${r.acked}, lost ${r.lost} (late, refused with a message: ${r.late}) | submit->ack p50 ${r.ackP50.toFixed(1)} ms, p99 ${r.ackP99.toFixed(1)} ms | world resolution p50 ${r.resolveP50} ms, p99 ${r.resolveP99} ms (${r.resolves} turns) | server peak memory ${Math.round(r.peakRssMb)} MB, CPU ${r.serverCpuSeconds.toFixed(0)} s | ${r.seconds.toFixed(0)} s`;
}
