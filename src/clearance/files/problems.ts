/** What an import reads from a file before any check, and how it names what is wrong in it. */
import type { RecordKind } from '../model.js';

export interface RawFeature {
  /** Where the file has it, in the file's own terms: "feature 17", "line 18", "table hazard_areas, row 17". */
  where: string;
  properties: Record<string, unknown>;
  /** The polygon as GeoJSON; undefined when the format has none for this feature. */
  geometry: unknown;
  /** Set when the format could not even read the geometry (bad WKT, say). */
  geometryProblem?: { field: string; expected: string };
  /** The kind its place in the file fixes (a GeoPackage table), else read from `record`. */
  kind?: RecordKind;
}

export interface ImportProblem {
  file: string;
  /** The feature ("feature 17"); null for the file as a whole. */
  where: string | null;
  /** Its id and local reference as the file gives them ("id HA-17, local ref CMAC-17"). */
  ref: string | null;
  message: string;
}

export function describeImportProblem(p: ImportProblem): string {
  return `${p.file}${p.where === null ? '' : `, ${p.where}`}${p.ref === null ? '' : ` (${p.ref})`}: ${p.message}`;
}

/** A file some of whose features were refused: nothing was written. */
export class ImportRejectedError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly ImportProblem[],
  ) {
    const features = new Set(problems.map((p) => p.where)).size;
    super(
      `${file}: nothing imported: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${features === 1 && problems[0]?.where === null ? 'the file' : `${features} feature${features === 1 ? '' : 's'}`}`,
    );
    this.name = 'ImportRejectedError';
  }
}

export const fileProblem = (file: string, message: string): ImportRejectedError =>
  new ImportRejectedError(file, [{ file, where: null, ref: null, message }]);
