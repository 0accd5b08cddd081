/**
 * Like pages.ts, on a server whose fresh database first gets synthetic clearance records for one
 * State (the records `minefree demo clearance` makes, through the same library calls).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { demoRecords } from '../../src/clearance/demo.js';
import { shapeContains, stateShape } from '../../src/clearance/files/state-shapes.js';
import type { ClearanceRecords } from '../../src/clearance/model.js';
import { saveClearanceRecords } from '../../src/clearance/store.js';
import { parseDate } from '../../src/core/date.js';
import type { StateCode } from '../../src/core/states.js';
import { SYSTEM } from '../../src/store/audit.js';
import { openDatabase } from '../../src/store/database.js';
import { initDatabase } from '../../src/store/seed.js';
import { ensureWebBuild } from '../../src/server/web-build.js';
import { type RunningServer, startServer } from '../../src/server/start.js';
import { type Chromium, launchChromium } from './chromium.js';
import type { BrowserPages } from './pages.js';

export interface DemoSeed {
  iso3: StateCode;
  areas: number;
  seed: number;
  asOf: string;
}

/** The records the demo makes for these options: the same every time. */
export function demoClearance({ iso3, areas, seed, asOf }: DemoSeed): ClearanceRecords {
  const shape = stateShape(iso3);
  if (shape === null) throw new Error(`${iso3} has no Natural Earth shape`);
  return demoRecords(shape, shapeContains(shape), { iso3, areas, seed, asOf: parseDate(asOf) });
}

/** Registers the file's beforeAll/afterAll: call it at the top level of a test file. */
export function useSeededBrowserPages(demo: DemoSeed): BrowserPages {
  let dir: string;
  let server: RunningServer;
  let chromium: Chromium;
  const pageErrors = new WeakMap<Page, string[]>();

  beforeAll(async () => {
    await ensureWebBuild();
    dir = mkdtempSync(join(tmpdir(), 'minefree-browser-clearance-'));
    const dbFile = join(dir, 'minefree.db');
    const store = await openDatabase({ file: dbFile });
    try {
      await initDatabase(store);
      await saveClearanceRecords(store, demo.iso3, demoClearance(demo), SYSTEM, { origin: `test: demo clearance --seed ${demo.seed}` });
    } finally {
      await store.close();
    }
    server = await startServer({ port: 0, dbFile });
    chromium = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  return {
    open: async (path) => {
      const page = await chromium.context.newPage();
      const errors: string[] = [];
      pageErrors.set(page, errors);
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${server.url.replace(/\/$/, '')}${path}`);
      return page;
    },
    done: async (page) => {
      await page.close();
      expect(pageErrors.get(page), 'script errors on the page').toEqual([]);
    },
  };
}
