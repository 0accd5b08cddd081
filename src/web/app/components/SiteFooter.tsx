/** Where the data comes from, on every page. */
export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>
        minefree: an open information system for the Anti-Personnel Mine Ban Convention (1997). Every date is computed
        from the instruments deposited with the UN Secretary-General; the data sources are listed in{' '}
        <code>data/SOURCES.md</code> in the minefree repository.
      </p>
      <p>
        Country shapes: Natural Earth (public domain) via world-atlas. ISO 3166 codes:
        lukes/ISO-3166-Countries-with-Regional-Codes (CC BY-SA 4.0).
      </p>
    </footer>
  );
}
