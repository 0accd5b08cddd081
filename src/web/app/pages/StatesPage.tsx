import { Trans } from 'react-i18next';
import { type StateOnDate, paths } from '../api';
import { AsOfPicker } from '../components/AsOfPicker';
import { DateText } from '../components/DateText';
import { LoadStatus } from '../components/LoadStatus';
import { StatesTable } from '../components/StatesTable';
import { useApi } from '../use-api';
import { useAsOf } from '../use-as-of';
import { useTitle } from '../use-title';
import { useT } from '../i18n';

/** `/states`: the 197 States, their status and deadlines on the chosen date. */
export function StatesPage() {
  const t = useT();
  useTitle(t('web:states.title'));
  const { asOf } = useAsOf();
  const states = useApi<StateOnDate[]>(paths.states(asOf));
  return (
    <>
      <h1>{t('web:states.title')}</h1>
      <p className="lead">
        <Trans t={t} i18nKey="web:states.lead" components={{ date: <DateText date={asOf} /> }} />
      </p>
      <AsOfPicker />
      {states.state === 'ready' ? (
        <StatesTable states={states.data} asOf={asOf} />
      ) : (
        <LoadStatus loaded={states} what={t('web:what.states')} />
      )}
    </>
  );
}
