import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useT } from '../i18n';
import { formText, useSession } from '../session';

/**
 * On the Reports page, for a signed-in editor: links to the drafts of their State's reports (the
 * annual report on the year before the page's date, the year before that, and the initial report);
 * an administrator picks the State and the report.
 */
export function DraftLinks({ asOf }: { asOf: string }) {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const [problem, setProblem] = useState('');
  if (session.state !== 'signed-in') return null;
  const { role, state } = session.user;
  const year = Number(asOf.slice(0, 4)) - 1;
  const open = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const iso3 = formText(form, 'iso3').trim().toUpperCase();
    const report = formText(form, 'report').trim().toLowerCase();
    if (!/^[A-Z]{3}$/.test(iso3) || !/^(initial|\d{4})$/.test(report)) return setProblem(t('web:drafts.problem'));
    setProblem('');
    void navigate(`/states/${iso3}/reports/${report}/draft?asOf=${asOf}`);
  };
  return (
    <section aria-labelledby="drafts-heading" data-testid="draft-links">
      <h2 id="drafts-heading">{t('web:drafts.heading')}</h2>
      {role === 'editor' && state !== null ? (
        <ul>
          {[String(year), String(year - 1), 'initial'].map((report) => (
            <li key={report}>
              <Link to={`/states/${state}/reports/${report}/draft?asOf=${asOf}`}>
                {report === 'initial' ? t('web:reports.initial') : t('web:reports.annual', { year: report })}
              </Link>
            </li>
          ))}
        </ul>
      ) : role === 'admin' ? (
        <form onSubmit={open} className="draft-open">
          <label>
            {t('web:drafts.state')}
            <input name="iso3" maxLength={3} autoComplete="off" required />
          </label>
          <label>
            {t('web:drafts.report')}
            <input name="report" defaultValue={String(year)} required />
          </label>
          <button type="submit">{t('web:drafts.open')}</button>
          <p role="alert" className="form-problem">
            {problem}
          </p>
        </form>
      ) : (
        <p>{t('web:drafts.readOnly')}</p>
      )}
    </section>
  );
}
