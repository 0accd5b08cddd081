/**
 * The catalogue keys of the forms' titles and column headings, named in full (the catalogue test
 * refuses keys built at run time), for every place that shows a draft: the CLI, the PDF and XLSX
 * documents, and the web app (which imports only the `DraftColumnId` type and keeps its own map,
 * checked against it). No I/O here.
 */
import type { Article7Form } from '../model.js';
import type { FORM_A_COLUMNS, FORM_E_COLUMNS } from './form-a-e.js';
import type { FORM_B_COLUMNS } from './form-b.js';
import type { FORM_C_COLUMNS } from './form-c.js';
import type { FORM_D_COLUMNS } from './form-d.js';
import type { FORM_F_COLUMNS } from './form-f.js';
import type { FORM_G_COLUMNS } from './form-g.js';
import type { FORM_H_COLUMNS, FORM_I_COLUMNS } from './form-h-i.js';
import type { FORM_J_COLUMNS } from './form-j.js';

/** Every column id a form of a draft can have. */
export type DraftColumnId = (
  | typeof FORM_A_COLUMNS
  | typeof FORM_B_COLUMNS
  | typeof FORM_C_COLUMNS
  | typeof FORM_D_COLUMNS
  | typeof FORM_E_COLUMNS
  | typeof FORM_F_COLUMNS
  | typeof FORM_G_COLUMNS
  | typeof FORM_H_COLUMNS
  | typeof FORM_I_COLUMNS
  | typeof FORM_J_COLUMNS
)[number];

/** "Form C: location of mined areas". */
export const FORM_TITLE = {
  A: 'common:article7.form.A',
  B: 'common:article7.form.B',
  C: 'common:article7.form.C',
  D: 'common:article7.form.D',
  E: 'common:article7.form.E',
  F: 'common:article7.form.F',
  G: 'common:article7.form.G',
  H: 'common:article7.form.H',
  I: 'common:article7.form.I',
  J: 'common:article7.form.J',
} as const satisfies Record<Article7Form, string>;

export const COLUMN_HEADING = {
  measure: 'common:article7.column.measure',
  reference: 'common:article7.column.reference',
  date: 'common:article7.column.date',
  penalSanctions: 'common:article7.column.penalSanctions',
  type: 'common:article7.column.type',
  quantity: 'common:article7.column.quantity',
  lots: 'common:article7.column.lots',
  area: 'common:article7.column.area',
  location: 'common:article7.column.location',
  devices: 'common:article7.column.devices',
  remainingM2: 'common:article7.column.remainingM2',
  emplaced: 'common:article7.column.emplaced',
  purpose: 'common:article7.column.purpose',
  consumed: 'common:article7.column.consumed',
  institutions: 'common:article7.column.institutions',
  facility: 'common:article7.column.facility',
  action: 'common:article7.column.action',
  status: 'common:article7.column.status',
  programme: 'common:article7.column.programme',
  unit: 'common:article7.column.unit',
  methods: 'common:article7.column.methods',
  sites: 'common:article7.column.sites',
  safetyStandards: 'common:article7.column.safetyStandards',
  environmentalStandards: 'common:article7.column.environmentalStandards',
  article: 'common:article7.column.article',
  dimensions: 'common:article7.column.dimensions',
  fusing: 'common:article7.column.fusing',
  explosiveContent: 'common:article7.column.explosiveContent',
  metallicContent: 'common:article7.column.metallicContent',
  photographs: 'common:article7.column.photographs',
  other: 'common:article7.column.other',
  value: 'common:article7.column.value',
} as const satisfies Record<DraftColumnId, string>;

export type ColumnHeadingKey = (typeof COLUMN_HEADING)[DraftColumnId];

/** The key of a column's heading; undefined for an id no form has (a draft stored before a column was renamed). */
export const columnHeadingKey = (id: string): ColumnHeadingKey | undefined =>
  (COLUMN_HEADING as Record<string, ColumnHeadingKey | undefined>)[id];
