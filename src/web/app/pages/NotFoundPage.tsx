import { Link } from 'react-router';
import { useTitle } from '../use-title';

export function NotFoundPage() {
  useTitle('Page not found');
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is no page at this address. Start from the <Link to="/">dashboard</Link>, the{' '}
        <Link to="/map">world map</Link> or the <Link to="/states">list of States</Link>.
      </p>
    </>
  );
}
