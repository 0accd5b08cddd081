import { useId, useState } from 'react';
import { OPENED_FOR_SIGNATURE, isCalendarDate, today } from '../dates';
import { useAsOf } from '../use-as-of';
import { useT } from '../i18n';

/** "Status on": the date every figure on the page is computed for; kept in the address (`?asOf=`). */
export function AsOfPicker() {
  const t = useT();
  const { asOf, chosen, setAsOf } = useAsOf();
  const id = useId();
  const [draft, setDraft] = useState<{ for: string; text: string }>({ for: asOf, text: asOf });
  const text = draft.for === asOf ? draft.text : asOf;
  // A date the Convention has no status for (before it opened for signature) is refused, saying why.
  const tooEarly = isCalendarDate(text) && text < OPENED_FOR_SIGNATURE;
  const invalid = (text !== '' && !isCalendarDate(text)) || tooEarly;

  return (
    <div className="as-of-picker">
      <label htmlFor={id}>{t('web:asOf.label')}</label>
      <input
        id={id}
        type="date"
        value={text}
        min={OPENED_FOR_SIGNATURE}
        aria-describedby={`${id}-hint`}
        aria-invalid={invalid}
        onChange={(event) => {
          const value = event.target.value;
          setDraft({ for: asOf, text: value });
          if (isCalendarDate(value) && value >= OPENED_FOR_SIGNATURE) setAsOf(value);
        }}
      />
      {chosen && asOf !== today() ? (
        <button type="button" onClick={() => setAsOf(today())}>
          {t('web:asOf.today')}
        </button>
      ) : null}
      <span id={`${id}-hint`} className="hint">
        {tooEarly ? t('web:asOf.tooEarly') : invalid ? t('web:asOf.invalid') : chosen ? '' : t('web:asOf.hint')}
      </span>
    </div>
  );
}
