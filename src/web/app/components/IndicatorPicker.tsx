import { useId } from 'react';
import { useT } from '../i18n';
import type { IndicatorGroup } from '../indicators';

interface Props {
  groups: readonly IndicatorGroup[];
  value: string;
  onChange: (indicator: string) => void;
}

/** "Figure": which reported figure the page shows, grouped by the part of the Convention it is about. */
export function IndicatorPicker({ groups, value, onChange }: Props) {
  const t = useT();
  const id = useId();
  const known = groups.some((g) => g.indicators.some((i) => i.id === value));
  return (
    <div className="indicator-picker">
      <label htmlFor={id}>{t('web:figures.picker')}</label>
      <select id={id} value={known ? value : ''} onChange={(event) => onChange(event.target.value)}>
        {known ? null : (
          <option value="" disabled>
            {t('web:figures.choose')}
          </option>
        )}
        {groups.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.indicators.map((indicator) => (
              <option key={indicator.id} value={indicator.id}>
                {indicator.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
