import { useId, useMemo, useState } from 'react';
import { OPENED_FOR_SIGNATURE, formatDate, readDate, today } from '../dates';
import { useAsOf } from '../use-as-of';
import { monthName, useT } from '../i18n';

/** The date the format hint shows as an example. */
const FORMAT_EXAMPLE = '2018-03-01';

/**
 * "Status on": the date every figure on the page is computed for; kept in the address (`?asOf=`).
 * A text field showing the date as the page writes dates ("1 March 2018", in the page's language, not
 * the browser's), read back in the same form (or as YYYY-MM-DD); what it refuses, it says why.
 */
export function AsOfPicker() {
  const t = useT();
  const { asOf, chosen, setAsOf } = useAsOf();
  const id = useId();
  const shown = formatDate(asOf);
  const [draft, setDraft] = useState<{ for: string; text: string }>({ for: asOf, text: shown });
  const text = draft.for === asOf ? draft.text : shown;
  // The month names of the page's language (re-read when the language changes, as `shown` does).
  const months = useMemo(
    () => Array.from({ length: 12 }, (_, i) => [monthName(i + 1), monthName(i + 1, true)]),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [shown],
  );
  const read = readDate(text, months);
  // A date the Convention has no status for (before it opened for signature) is refused, saying why.
  const tooEarly = 'date' in read && read.date < OPENED_FOR_SIGNATURE;
  const invalid = ('problem' in read && read.problem === 'incomplete') || tooEarly;
  const message = tooEarly ? t('web:asOf.tooEarly') : invalid ? t('web:asOf.invalid') : '';

  return (
    <div className="as-of-picker">
      <label htmlFor={id}>{t('web:asOf.label')}</label>
      <input
        id={id}
        type="text"
        inputMode="text"
        autoComplete="off"
        spellCheck={false}
        size={18}
        value={text}
        aria-describedby={`${id}-format ${id}-hint`}
        aria-invalid={invalid}
        onChange={(event) => {
          const value = event.target.value;
          const typed = readDate(value, months);
          if ('date' in typed && typed.date >= OPENED_FOR_SIGNATURE) {
            // Kept as typed: the field is not rewritten under the cursor.
            setDraft({ for: typed.date, text: value });
            setAsOf(typed.date);
          } else setDraft({ for: asOf, text: value });
        }}
        onBlur={() => {
          // Leaving the field with a date read: it is shown as the page writes dates.
          if ('date' in read && !tooEarly) setDraft({ for: asOf, text: shown });
        }}
      />
      {chosen && asOf !== today() ? (
        <button type="button" onClick={() => setAsOf(today())}>
          {t('web:asOf.today')}
        </button>
      ) : null}
      <span id={`${id}-format`} className="as-of-format">
        {t('web:asOf.format', { example: formatDate(FORMAT_EXAMPLE) })}
      </span>
      <span id={`${id}-hint`} className="hint" aria-live="polite">
        {message !== '' ? message : chosen ? '' : t('web:asOf.hint')}
      </span>
    </div>
  );
}
