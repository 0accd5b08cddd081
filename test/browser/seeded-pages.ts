/**
 * Like pages.ts, on a server whose fresh database first gets synthetic clearance records for one
 * State (the records `minefree demo clearance` makes, through the same library calls).
 */
import { submitRequest } from '../../src/clearance/article5/service.js';
import { demoRecords } from '../../src/clearance/demo/demo.js';
import { shapeContains, stateShape } from '../../src/clearance/files/state-shapes.js';
import type { ClearanceRecords, ExtensionRequestInput } from '../../src/clearance/model.js';
import { saveClearanceRecords } from '../../src/clearance/store.js';
import { parseDate } from '../../src/core/date.js';
import type { StateCode } from '../../src/core/states.js';
import { SYSTEM } from '../../src/store/audit.js';
import type { TestDatabase } from '../../src/store/test-databases.js';
import { type BrowserPages, useBrowserPages } from './pages.js';

export interface DemoSeed {
  iso3: StateCode;
  areas: number;
  seed: number;
  asOf: string;
  /** An extension request recorded after the records, as an editor would. */
  request?: Omit<ExtensionRequestInput, 'iso3'>;
}

/** The records the demo makes for these options: the same every time. */
export function demoClearance({ iso3, areas, seed, asOf }: DemoSeed): ClearanceRecords {
  const shape = stateShape(iso3);
  if (shape === null) throw new Error(`${iso3} has no Natural Earth shape`);
  return demoRecords(shape, shapeContains(shape), { iso3, areas, seed, asOf: parseDate(asOf) });
}

/** Registers the file's beforeAll/afterAll: call it at the top level of a test file (or of a forEachDatabase body). */
export function useSeededBrowserPages(demo: DemoSeed, database?: TestDatabase): BrowserPages {
  return useBrowserPages({
    ...(database === undefined ? {} : { database }),
    prepare: async (store) => {
      await saveClearanceRecords(store, demo.iso3, demoClearance(demo), SYSTEM, {
        origin: `test: demo clearance --seed ${demo.seed}`,
      });
      if (demo.request) await submitRequest(store, { ...demo.request, iso3: demo.iso3 }, SYSTEM);
    },
  });
}
