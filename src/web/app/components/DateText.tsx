import { formatDate } from '../dates';
import { useT } from '../i18n';

/** A date as people read it, machine-readable in `datetime`; says so plainly when unknown ("not found in the sources read" unless told). */
export function DateText({ date, short = false, unknown }: { date: string | null; short?: boolean; unknown?: string }) {
  const t = useT();
  if (date === null || date === '') return <span className="unknown">{unknown ?? t('web:date.notFound')}</span>;
  return <time dateTime={date}>{formatDate(date, short)}</time>;
}
