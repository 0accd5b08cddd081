// world-atlas ships TopoJSON files without types; the map reads only `objects.countries`.
declare module 'world-atlas/countries-50m.json' {
  import type { GeometryCollection, Topology } from 'topojson-specification';

  interface CountryProperties {
    name: string;
  }
  const topology: Topology<{ countries: GeometryCollection<CountryProperties> }>;
  export default topology;
}
