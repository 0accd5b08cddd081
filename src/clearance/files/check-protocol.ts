/** The messages between a GeoJSON import and its checking workers (check-worker.ts, check-in-workers.ts). */
import type { StateCode } from '../../core/states.js';
import type { Activity, DevicesDestroyed, LandRelease, RecordKind } from '../model.js';
import type { ImportProblem } from './problems.js';

export interface CheckInput {
  file: string;
  iso3: StateCode;
}

/** Members of the features array (geojson-stream.ts FeatureBatch), numbered `seq` in file order. */
export interface ToWorker {
  seq: number;
  first: number;
  data: Uint8Array;
  ends: Int32Array;
  lines: Int32Array;
}

/** One feature read and checked. */
export interface FeatureOutcome {
  where: string;
  ref: string | null;
  kind: RecordKind | null;
  problems: ImportProblem[];
  repairs: string[];
  /** A hazard area as its row's values (store-rows.ts HAZARD_AREA_COLUMNS; the polygon as GeoJSON text and packed bytes). */
  area?: unknown[];
  /** Any other record, as the model has it (few in a file of polygons). */
  record?: Activity | LandRelease | DevicesDestroyed;
  /** The area reaches outside its State's boundary (import-warnings.ts outsideStateWarnings). */
  warning?: string;
}

export type FromWorker =
  | { seq: number; outcomes: FeatureOutcome[] }
  | { seq: -1; error: string }
  /** The worker loaded its modules and takes batches. */
  | { ready: true };
