import { initDatabase } from '/work/wt-victims-import/src/setup/seed.ts';
import { SYSTEM } from '/work/wt-victims-import/src/store/audit.ts';
import { openDatabase } from '/work/wt-victims-import/src/store/database.ts';
import { importCasualtyFile } from '/work/wt-victims-import/src/victims/files/import.ts';
import pg from 'pg';
const url = 'postgres://postgres@127.0.0.1:5432/test';
const kind = process.argv[2]; const file = process.argv[3];
let store;
if (kind === 'pg') { const c = new pg.Client(url); await c.connect(); await c.query('drop schema if exists wt_vi_one cascade; create schema wt_vi_one'); await c.end(); store = await openDatabase({ url, schema: 'wt_vi_one' }); }
else { store = await openDatabase({ file: '/tmp/wt/one-' + Date.now() + '.db' }); }
await initDatabase(store);
const t = performance.now();
(globalThis as any).__t0 = t;
const r = await importCasualtyFile(store, file, { state: 'KHM' as never, today: '2026-11-30' as never, worker: process.argv[4] !== 'inthread' }, SYSTEM);
console.log(kind, r.added, 'total', (performance.now() - t).toFixed(0), 'ms');
await store.close();
