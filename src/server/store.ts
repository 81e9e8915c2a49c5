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
];

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
  close(): Promise<void>;
}

type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

class DrizzleStore implements Store {
  constructor(
    readonly kind: 'pglite' | 'postgres',
    private db: Db,
    private closer: () => Promise<void>,
  ) {}

  async init(): Promise<void> {
    for (const q of DDL) await this.db.execute(sql.raw(q));
  }

  async createClass(id: string, code: string, at: number): Promise<void> {
    await this.db.insert(classes).values({ id, code, createdAt: new Date(at) });
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
      try {
        await this.db.insert(events).values(batch.map((b) => b.row));
        batch.forEach((b) => b.done());
      } catch (e) {
        batch.forEach((b) => b.done(e));
      }
    }
    this.writing = false;
  }

  async events(classId: string): Promise<StoredEvent[]> {
    const rows = await this.db.select().from(events).where(and(eq(events.classId, classId))).orderBy(asc(events.seq));
    return rows.map((r) => ({ seq: r.seq, type: r.type, data: JSON.parse(r.data), at: r.at.getTime() }));
  }

  close(): Promise<void> {
    return this.closer();
  }
}

/** PGlite in `dataDir` (created if missing), or in memory when dataDir is null; PostgreSQL when `url` is given. */
export async function openStore(opts: { url?: string; dataDir?: string | null }): Promise<Store> {
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
    const client = opts.dataDir ? new PGlite(opts.dataDir) : new PGlite();
    store = new DrizzleStore('pglite', drizzle(client) as unknown as Db, () => client.close());
  }
  await store.init();
  return store;
}
