import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { DraftColumnId } from '../../../reporting/forms/headings';
import { type CellValue, type DraftCell, type DraftForm, type ReportDraftJson as Draft, paths } from '../api';
import { DateText } from '../components/DateText';
import { LoadStatus } from '../components/LoadStatus';
import { formatNumber, stateName, useT } from '../i18n';
import { mayWriteState, sendJson, useSession } from '../session';
import { CitedRefs, CitedSources } from '../stockpiles/CitedSources';
import '../stockpiles/stockpiles.css';
import { useApi } from '../use-api';
import { useAsOf } from '../use-as-of';
import { useTitle } from '../use-title';

type Form = DraftForm;
type Cell = DraftCell;

/** Anchors of the page's source list. */
const SOURCES = 'draft-source';

const FORM_TITLE = {
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
} as const satisfies Record<Form['form'], string>;

/** The catalogue keys of the column headings, as src/reporting/forms/headings.ts (the web app imports only types). */
const COLUMN_HEADING = {
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
type HeadingKey = (typeof COLUMN_HEADING)[DraftColumnId];

/** The heading of a form's column: from the catalogue, or the column's id for one no form has. */
function useColumnHeading(): (column: string) => string {
  const t = useT();
  return (column) => {
    const key = (COLUMN_HEADING as Record<string, HeadingKey | undefined>)[column];
    return key === undefined ? column : t(key);
  };
}

function shown(value: CellValue): string {
  if (value === null) return '';
  return typeof value === 'number' ? formatNumber(value) : value;
}

/** One cell as read: its value, or "to complete" with why; an edited cell says so. */
function CellText({ cell, saysWhy }: { cell: Cell; saysWhy: boolean }) {
  const t = useT();
  if (cell.origin === 'to-complete')
    return (
      <span className="unknown draft-to-complete">
        {t('web:draft.toComplete')}
        {cell.why === null || !saysWhy ? null : (
          <span className="figure-note">{t(cell.why, { defaultValue: '' })}</span>
        )}
      </span>
    );
  return (
    <>
      {shown(cell.value)}
      {cell.origin === 'edited' ? (
        <span className="figure-note draft-edited">
          {cell.drafted === null
            ? t('web:draft.editedFromNothing')
            : t('web:draft.editedFrom', { value: shown(cell.drafted) })}
        </span>
      ) : (
        <CitedRefs ids={cell.sources} prefix={SOURCES} />
      )}
    </>
  );
}

function FormSection({
  form,
  editing,
  values,
  onChange,
}: {
  form: Form;
  editing: boolean;
  values: Map<string, string>;
  onChange: (key: string, value: string) => void;
}) {
  const t = useT();
  const heading = useColumnHeading();
  const id = `draft-form-${form.form}`;
  return (
    <section aria-labelledby={id} className="draft-form" data-form={form.form}>
      <h2 id={id}>{t(FORM_TITLE[form.form])}</h2>
      <p className="note">
        {form.changed === null
          ? t('web:draft.noPrevious')
          : form.changed
            ? t('web:draft.changed')
            : t('web:draft.unchanged')}
      </p>
      {form.rows.length === 0 ? (
        <p>{t('web:draft.noRows')}</p>
      ) : (
        <div className="table-scroll stack-narrow" tabIndex={0} role="region" aria-labelledby={id}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('web:draft.rowKey')}</th>
                {form.columns.map((c) => (
                  <th key={c} scope="col">
                    {heading(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {form.rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.key}</th>
                  {form.columns.map((c, i) => {
                    const cell = row.cells[c];
                    // A reason the cell before in the row already gave is not repeated.
                    const before = i === 0 ? undefined : row.cells[form.columns[i - 1] ?? ''];
                    const saysWhy = before?.origin !== 'to-complete' || before.why !== cell?.why;
                    const key = `${form.form}\u0000${row.key}\u0000${c}`;
                    return (
                      <td key={c} data-label={heading(c)}>
                        {cell === undefined ? null : editing ? (
                          <input
                            aria-label={t('web:draft.cellLabel', {
                              form: form.form,
                              row: row.key,
                              column: heading(c),
                            })}
                            value={values.get(key) ?? shown(cell.value)}
                            placeholder={cell.origin === 'to-complete' ? t('web:draft.toComplete') : undefined}
                            onChange={(event) => onChange(key, event.target.value)}
                          />
                        ) : (
                          <CellText cell={cell} saysWhy={saysWhy} />
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The edits the inputs hold: a number where the drafted value is a number and the text reads as one. */
function editsOf(draft: Draft, values: Map<string, string>) {
  const edits: { form: string; row: string; column: string; value: CellValue }[] = [];
  for (const [key, text] of values) {
    const [form, row, column] = key.split('\u0000') as [string, string, string];
    const cell = draft.forms.find((f) => f.form === form)?.rows.find((r) => r.key === row)?.cells[column];
    if (cell === undefined || text === shown(cell.value)) continue;
    const trimmed = text.trim();
    const number = Number(trimmed.replace(/[\s,]/g, ''));
    const numeric = (typeof cell.value === 'number' || typeof cell.drafted === 'number') && trimmed !== '';
    edits.push({
      form,
      row,
      column,
      value: trimmed === '' ? null : numeric && Number.isFinite(number) ? number : trimmed,
    });
  }
  return edits;
}

/** `/states/:iso3/reports/:report/draft`: a State's Article 7 report drafted from the records, edited and submitted by its editors. */
export function DraftPage() {
  const t = useT();
  const { iso3: given = '', report = '' } = useParams();
  const iso3 = given.toUpperCase();
  const { asOf } = useAsOf();
  const loaded = useApi<Draft>(paths.reportDraft(iso3, report, asOf), { keepPrevious: true });
  // After a save or a submission, the draft the server answered with (what a new read would give).
  const [answered, setAnswered] = useState<Draft | null>(null);
  const draft = answered ?? (loaded.state === 'ready' ? loaded.data : null);
  const session = useSession();
  const editing = draft !== null && draft.status === 'draft' && mayWriteState(session, iso3);
  const [values, setValues] = useState(new Map<string, string>());
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  const period = report === 'initial' ? t('web:reports.initial') : t('web:reports.annual', { year: report });
  const name = draft === null ? iso3 : stateName(draft.iso3, draft.name);
  useTitle(t('web:draft.title', { name, period }));

  const done = (text: string) => (next: Draft) => {
    setValues(new Map());
    setAnswered(next);
    setSaid({ ok: true, text });
  };
  const failed = (error: unknown) =>
    setSaid({ ok: false, text: t('web:draft.refused', { message: error instanceof Error ? error.message : '' }) });
  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (draft === null) return;
    const edits = editsOf(draft, values);
    if (edits.length === 0) return setSaid({ ok: true, text: t('web:draft.nothingToSave') });
    sendJson<Draft>('PATCH', paths.reportDraftWrite(iso3, report), { edits }).then(
      done(t('web:draft.saved', { count: edits.length })),
      failed,
    );
  };
  const submit = () => {
    sendJson<Draft>('POST', `${paths.reportDraftWrite(iso3, report)}/submit`, {}).then(
      done(t('web:draft.submitted')),
      failed,
    );
  };
  const sources =
    draft === null
      ? []
      : draft.forms.flatMap((f) => f.rows.flatMap((r) => Object.values(r.cells).flatMap((c) => c.sources)));
  const base = `/api/v1${paths.reportDraftWrite(iso3, report)}`;

  return (
    <>
      <p className="breadcrumb">
        <Link to="/reports">{t('web:reports.title')}</Link>
      </p>
      <h1>{t('web:draft.title', { name, period })}</h1>
      {draft === null ? (
        <LoadStatus loaded={loaded} what={t('web:what.draft')} />
      ) : (
        <>
          <p className="lead" data-testid="draft-status">
            {draft.status === 'submitted' && draft.submittedOn !== null ? (
              <>
                {t('web:draft.frozenOn')} <DateText date={draft.submittedOn} />
              </>
            ) : (
              <>
                {t('web:draft.fromRecordsOn')} <DateText date={draft.asOf} />
              </>
            )}
          </p>
          <p className="note">
            {draft.previous === null
              ? t('web:draft.firstReport')
              : t('web:draft.changesSince', {
                  count: draft.changes.length,
                  previous:
                    draft.previous === 'initial'
                      ? t('web:reports.initial')
                      : t('web:reports.annual', { year: draft.previous }),
                })}
          </p>
          <p className="note">
            {t('web:draft.download')} <a href={`${base}.pdf?asOf=${asOf}`}>{t('web:draft.format.pdf')}</a>
            {' · '}
            <a href={`${base}.xlsx?asOf=${asOf}`}>{t('web:draft.format.xlsx')}</a>
            {' · '}
            <a href={`${base}?asOf=${asOf}`}>{t('web:draft.format.json')}</a>
          </p>
          {draft.status === 'draft' && !editing ? (
            <p className="note" data-testid="draft-read-only">
              {session.state === 'signed-in' ? (
                t('web:draft.notYourState')
              ) : (
                <Link to={`/sign-in?next=${encodeURIComponent(`/states/${iso3}/reports/${report}/draft`)}`}>
                  {t('web:draft.signInToEdit')}
                </Link>
              )}
            </p>
          ) : null}
          <form onSubmit={save}>
            {draft.forms.map((form) => (
              <FormSection
                key={form.form}
                form={form}
                editing={editing}
                values={values}
                onChange={(key, value) => setValues((old) => new Map(old).set(key, value))}
              />
            ))}
            {editing ? (
              <div className="draft-actions">
                <button type="submit">{t('web:draft.save')}</button>
                <button type="button" onClick={submit} disabled={values.size > 0}>
                  {t('web:draft.submit')}
                </button>
                <p className="note">{t('web:draft.submitNote')}</p>
              </div>
            ) : null}
            <p role="status" className={said?.ok === false ? 'form-problem' : 'note'} data-testid="draft-said">
              {said?.text ?? ''}
            </p>
          </form>
          <CitedSources
            ids={sources}
            prefix={SOURCES}
            heading={t('web:sources.heading')}
            headingId="draft-sources-heading"
          />
        </>
      )}
    </>
  );
}
