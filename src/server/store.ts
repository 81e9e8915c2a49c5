// The classroom's record: an append-only event log per class (Drizzle ORM), on PGlite (embedded Postgres in WASM, a
// folder on disk, the default) or on a real PostgreSQL when DATABASE_URL is set. The same queries run on both.
import { mkdirSync } from 'node:fs';
import { and, asc, eq, sql } from 'drizzle-orm';
import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

export const classes = pgTable('classes', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  /** the server process that runs the class, and until when (leases, for several processes on one PostgreSQL) */
  owner: text('owner'),
  leaseUntil: timestamp('lease_until', { withTimezone: true }),
  /** the last time the process running the class was known alive while a round ran (a heartbeat, recovery.ts) */
  aliveAt: timestamp('alive_at', { withTimezone: true }),
});

export const events = pgTable(
  'events',
  {
    classId: text('class_id').notNull(),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    /** the event as JSON text, kept byte for byte (orders replay exactly as they were given) */
    data: text('data').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.classId, t.seq] })],
);

const DDL = [
  `CREATE TABLE IF NOT EXISTS classes (id text PRIMARY KEY, code text NOT NULL UNIQUE, created_at timestamptz NOT NULL, owner text, lease_until timestamptz)`,
  `CREATE TABLE IF NOT EXISTS events (class_id text NOT NULL, seq integer NOT NULL, type text NOT NULL, data text NOT NULL, at timestamptz NOT NULL, PRIMARY KEY (class_id, seq))`,
  // several processes on one PostgreSQL (cluster.ts): where each process can be reached, and a seat/teacher/projector
  // token's class found from its hash without loading the class
  `CREATE TABLE IF NOT EXISTS servers (id text PRIMARY KEY, url text NOT NULL, seen timestamptz NOT NULL)`,
  // the heartbeat of running classes (added after the first release: databases made before get the column)
  `ALTER TABLE classes ADD COLUMN IF NOT EXISTS alive_at timestamptz`,
  `CREATE INDEX IF NOT EXISTS events_token_hash ON events ((data::jsonb->>'hash')) WHERE type = 'token'`,
];

/** An event written for a class this process no longer owns (its lease was taken over): refused, nothing written. */
export class LeaseLost extends Error {
  constructor(readonly classId: string) {
    super(`class ${classId} is now run by another server process (this one's lease lapsed)`);
  }
}

/** Where a class is run: its owner process, that process's address, and whether the lease is still running. */
export interface Route {
  classId: string;
  owner: string | null;
  url: string | null;
  live: boolean;
}

export interface StoredEvent {
  seq: number;
  type: string;
  data: unknown;
  at: number;
}

export interface Store {
  readonly kind: 'pglite' | 'postgres';
  createClass(id: string, code: string, at: number): Promise<void>;
  listClasses(): Promise<{ id: string; code: string }[]>;
  /** Append one event; resolves once it is written. Events of a class are numbered 1, 2, 3 ... in the order given. */
  append(classId: string, seq: number, type: string, data: unknown, at: number): Promise<void>;
  events(classId: string): Promise<StoredEvent[]>;
  /** Record that these classes' process is alive at `at` (the hub's clock), and read it back (null: never recorded). */
  alive(classIds: string[], at: number): Promise<void>;
  aliveAt(classId: string): Promise<number | null>;
  close(): Promise<void>;
  /** Several processes (PostgreSQL only): this process's id. Set, new classes are created leased to it, and events are
   * written only for classes it still owns (the rest are refused with LeaseLost). Null: one process owns everything. */
  fence: { id: string; leaseMs: number } | null;
  /** Take (or renew) the lease of every class this process owns, or whose lease lapsed, or of just `classId`; the ids held. */
  claim(classId?: string): Promise<string[]>;
  /** Give up every lease this process holds (a clean stop: the others take over at once). */
  release(): Promise<void>;
  /** Record where this process can be reached. */
  register(url: string): Promise<void>;
  /** The class with this join code, this token hash, or this id, and where it is run; null when there is none. */
  route(by: { code: string } | { tokenHash: string } | { classId: string }): Promise<Route | null>;
}

type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

class DrizzleStore implements Store {
  constructor(
    readonly kind: 'pglite' | 'postgres',
    private db: Db,
    private closer: () => Promise<void>,
  ) {}

  async init(): Promise<void> {
    if (this.kind === 'pglite') for (const q of DDL) await this.db.execute(sql.raw(q));
    // processes starting together on one PostgreSQL: CREATE ... IF NOT EXISTS races (a duplicate pg_type row), so
    // one at a time, under a transaction-scoped advisory lock
    else
      await this.db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${0x6a6d}::bigint)`);
        for (const q of DDL) await tx.execute(sql.raw(q));
      });
  }

  fence: { id: string; leaseMs: number } | null = null;

  async createClass(id: string, code: string, at: number): Promise<void> {
    if (!this.fence) return void (await this.db.insert(classes).values({ id, code, createdAt: new Date(at) }));
    const f = this.fence;
    await this.db.execute(sql`INSERT INTO classes (id, code, created_at, owner, lease_until) VALUES (${id}, ${code}, ${new Date(at).toISOString()}, ${f.id}, now() + ${f.leaseMs}::integer * interval '1 millisecond')`);
  }

  private rows<T>(r: unknown): T[] {
    return (r as { rows: T[] }).rows;
  }

  async claim(classId?: string): Promise<string[]> {
    const f = this.fence;
    if (!f) return (await this.listClasses()).map((c) => c.id);
    // the database's clock decides (the processes' clocks may differ); a lapsed lease goes to whoever asks first
    const one = classId === undefined ? sql`` : sql` AND id = ${classId}`;
    const r = await this.db.execute(
      sql`UPDATE classes SET owner = ${f.id}, lease_until = now() + ${f.leaseMs}::integer * interval '1 millisecond' WHERE (owner = ${f.id} OR owner IS NULL OR lease_until < now())${one} RETURNING id, created_at`,
    );
    return this.rows<{ id: string; created_at: string | Date }>(r)
      .sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || (a.id < b.id ? -1 : 1))
      .map((x) => x.id);
  }

  async release(): Promise<void> {
    if (this.fence) await this.db.execute(sql`UPDATE classes SET owner = NULL, lease_until = NULL WHERE owner = ${this.fence.id}`);
  }

  async register(url: string): Promise<void> {
    if (!this.fence) return;
    await this.db.execute(sql`INSERT INTO servers (id, url, seen) VALUES (${this.fence.id}, ${url}, now()) ON CONFLICT (id) DO UPDATE SET url = EXCLUDED.url, seen = now()`);
  }

  async route(by: { code: string } | { tokenHash: string } | { classId: string }): Promise<Route | null> {
    const where =
      'code' in by
        ? sql`c.code = ${by.code}`
        : 'classId' in by
          ? sql`c.id = ${by.classId}`
          : sql`c.id = (SELECT class_id FROM events WHERE type = 'token' AND data::jsonb->>'hash' = ${by.tokenHash} LIMIT 1)`;
    const r = await this.db.execute(
      sql`SELECT c.id, c.owner, s.url, (c.owner IS NOT NULL AND c.lease_until >= now()) AS live FROM classes c LEFT JOIN servers s ON s.id = c.owner WHERE ${where}`,
    );
    const row = this.rows<{ id: string; owner: string | null; url: string | null; live: boolean }>(r)[0];
    return row ? { classId: row.id, owner: row.owner, url: row.url, live: row.live } : null;
  }

  async listClasses(): Promise<{ id: string; code: string }[]> {
    return this.db.select({ id: classes.id, code: classes.code }).from(classes).orderBy(asc(classes.createdAt), asc(classes.id));
  }

  // group commit: events appended while a write is under way go together in the next insert, in the order given
  private queue: { row: typeof events.$inferInsert; done: (e?: unknown) => void }[] = [];
  private writing = false;

  append(classId: string, seq: number, type: string, data: unknown, at: number): Promise<void> {
    return new Promise((res, rej) => {
      this.queue.push({ row: { classId, seq, type, data: JSON.stringify(data), at: new Date(at) }, done: (e) => (e ? rej(e) : res()) });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.queue.length) {
      const batch = this.queue.splice(0, 500);
      for (let attempt = 1; ; attempt++) {
        try {
          if (!this.fence) {
            await this.db.insert(events).values(batch.map((b) => b.row));
            batch.forEach((b) => b.done());
          } else await this.fencedInsert(batch);
          break;
        } catch (e) {
          // two processes locking the same class rows in different orders: PostgreSQL aborts one; try it again
          const code = (e as { code?: string; cause?: { code?: string } }).code ?? (e as { cause?: { code?: string } }).cause?.code;
          if ((code === '40P01' || code === '40001') && attempt < 5) continue;
          batch.forEach((b) => b.done(e));
          break;
        }
      }
    }
    this.writing = false;
  }

  /** Write only the events of classes this process still owns. The class rows are locked (FOR SHARE) until the insert
   * commits, so a process taking a class over (UPDATE classes ...) waits for it, then reads every event written. */
  private async fencedInsert(batch: { row: typeof events.$inferInsert; done: (e?: unknown) => void }[]): Promise<void> {
    const f = this.fence!;
    const ids = [...new Set(batch.map((b) => b.row.classId))].sort();
    const ok = await this.db.transaction(async (tx) => {
      const owned = new Set(
        this.rows<{ id: string }>(await tx.execute(sql`SELECT id FROM classes WHERE id IN (${sql.join(ids.map((i) => sql`${i}`), sql`, `)}) AND owner = ${f.id} ORDER BY id FOR SHARE`)).map((r) => r.id),
      );
      const keep = batch.filter((b) => owned.has(b.row.classId));
      if (keep.length) await tx.insert(events).values(keep.map((b) => b.row));
      return owned;
    });
    for (const b of batch) b.done(ok.has(b.row.classId) ? undefined : new LeaseLost(b.row.classId));
  }

  async events(classId: string): Promise<StoredEvent[]> {
    const rows = await this.db.select().from(events).where(and(eq(events.classId, classId))).orderBy(asc(events.seq));
    return rows.map((r) => ({ seq: r.seq, type: r.type, data: JSON.parse(r.data), at: r.at.getTime() }));
  }

  async alive(classIds: string[], at: number): Promise<void> {
    if (!classIds.length) return;
    // several processes: only the classes this one still owns
    const mine = this.fence ? sql` AND owner = ${this.fence.id}` : sql``;
    await this.db.execute(sql`UPDATE classes SET alive_at = ${new Date(at).toISOString()} WHERE id IN (${sql.join(classIds.map((i) => sql`${i}`), sql`, `)})${mine}`);
  }

  async aliveAt(classId: string): Promise<number | null> {
    const [row] = await this.db.select({ at: classes.aliveAt }).from(classes).where(eq(classes.id, classId));
    return row?.at ? row.at.getTime() : null;
  }

  close(): Promise<void> {
    return this.closer();
  }
}

/** PGlite in `dataDir` (created if missing), or in memory when dataDir is null; PostgreSQL when `url` is given. An
 * in-memory store can start from `from`, a data directory PGlite dumped (dumpDataDir): the tests start their many
 * stores from one fresh PGlite's, which skips initdb (some 5 s of CPU a store on a 2-core machine, 2 s from a copy). */
export async function openStore(opts: { url?: string; dataDir?: string | null; from?: Blob }): Promise<Store> {
  let store: DrizzleStore;
  if (opts.url) {
    const { Pool } = (await import('pg')).default;
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const pool = new Pool({ connectionString: opts.url, max: 8 });
    store = new DrizzleStore('postgres', drizzle(pool) as unknown as Db, () => pool.end());
  } else {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
    const client = opts.dataDir ? new PGlite(opts.dataDir) : new PGlite(opts.from ? { loadDataDir: opts.from } : {});
    store = new DrizzleStore('pglite', drizzle(client) as unknown as Db, () => client.close());
  }
  await store.init();
  return store;
}
