import { useId, useState } from 'react';
import { OPENED_FOR_SIGNATURE, isCalendarDate, today } from '../dates';
import { useAsOf } from '../use-as-of';

/** "Status on": the date every figure on the page is computed for; kept in the address (`?asOf=`). */
export function AsOfPicker() {
  const { asOf, chosen, setAsOf } = useAsOf();
  const id = useId();
  const [draft, setDraft] = useState<{ for: string; text: string }>({ for: asOf, text: asOf });
  const text = draft.for === asOf ? draft.text : asOf;
  const invalid = text !== '' && !isCalendarDate(text);

  return (
    <div className="as-of-picker">
      <label htmlFor={id}>Status on</label>
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
          Today
        </button>
      ) : null}
      <span id={`${id}-hint`} className="hint">
        {invalid ? 'Enter a full date (day, month and year).' : chosen ? '' : 'Today, unless you choose another date.'}
      </span>
    </div>
  );
}
