import { type StateOnDate, paths } from '../api';
import { AsOfPicker } from '../components/AsOfPicker';
import { DateText } from '../components/DateText';
import { LoadStatus } from '../components/LoadStatus';
import { StatesTable } from '../components/StatesTable';
import { useApi } from '../use-api';
import { useAsOf } from '../use-as-of';
import { useTitle } from '../use-title';

/** `/states`: the 197 States, their status and deadlines on the chosen date. */
export function StatesPage() {
  useTitle('States');
  const { asOf } = useAsOf();
  const states = useApi<StateOnDate[]>(paths.states(asOf));
  return (
    <>
      <h1>States</h1>
      <p className="lead">
        The 197 States the Convention is open to, on <DateText date={asOf} />. Deadlines apply to States Parties for
        which the Convention is in force; ✓ met, ✗ missed, … open, ? not known from the sources read; “no record”: the
        sources read give no Article 5 facts for the State.
      </p>
      <AsOfPicker />
      {states.state === 'ready' ? (
        <StatesTable states={states.data} asOf={asOf} />
      ) : (
        <LoadStatus loaded={states} what="the States" />
      )}
    </>
  );
}
