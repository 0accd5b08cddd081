import { formatDate } from '../dates';

export const NOT_FOUND = 'not found in the sources read';

/** A date as people read it, machine-readable in `datetime`; says so plainly when unknown. */
export function DateText({
  date,
  short = false,
  unknown = NOT_FOUND,
}: {
  date: string | null;
  short?: boolean;
  unknown?: string;
}) {
  if (date === null || date === '') return <span className="unknown">{unknown}</span>;
  return <time dateTime={date}>{formatDate(date, short)}</time>;
}
