// vt-pbf 3 ships no types: only the function tiles.ts calls, over geojson-vt's own tile type.
declare module 'vt-pbf' {
  import type { LegacyTile } from 'geojson-vt';

  interface VtPbf {
    /** One MVT layer per key; returns the uncompressed protobuf. */
    fromGeojsonVt(layers: Record<string, LegacyTile>, options?: { version?: 1 | 2; extent?: number }): Uint8Array;
  }
  const vtpbf: VtPbf;
  export default vtpbf;
}
