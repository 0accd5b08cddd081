/**
 * The one shape of a problem a user can act on: which field, and what was expected there.
 * HTTP answers carry it as RFC 9457 problem details (src/http/problem.ts); the web app reads it.
 */
export interface FieldProblem {
  /** Where: `query.asOf`, `body.sources.0`, `path.iso3`, `body.features.16`. */
  field: string;
  expected: string;
}

/** RFC 9457 `application/problem+json`, with every failing field. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldProblem[];
}
