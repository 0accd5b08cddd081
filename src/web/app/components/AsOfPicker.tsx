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
  const invalid = text !== '' && !isCalendarDate(text);

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
          if (isCalendarDate(value)) setAsOf(value);
        }}
      />
      {chosen && asOf !== today() ? (
        <button type="button" onClick={() => setAsOf(today())}>
          {t('web:asOf.today')}
        </button>
      ) : null}
      <span id={`${id}-hint`} className="hint">
        {invalid ? t('web:asOf.invalid') : chosen ? '' : t('web:asOf.hint')}
      </span>
    </div>
  );
}
