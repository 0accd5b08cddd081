import 'maplibre-gl/dist/maplibre-gl.css';
import { type GeoJSONSource, Map as MapLibreMap, NavigationControl, Popup, prewarm, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { StateOnDate } from '../api';
import { COUNTRIES_FILL, COUNTRIES_SOURCE, mapStyle } from '../map/map-style';
import { loadCountryShapes } from '../map/world-shapes';
import { useCountryShapes } from '../map/use-country-shapes';
import { ShapesFailed } from './ShapesFailed';
import { stateName, t } from '../i18n';
import { categoryLabel, statusCategory } from '../status';

setWorkerUrl(workerUrl);
// The worker's script downloads now, beside the country shapes, not once the first map is made.
prewarm();

/** The inhabited world, Antarctica left out: what the map shows first. */
const WORLD: [[number, number], [number, number]] = [
  [-180, -56],
  [180, 78],
];

declare global {
  interface Window {
    /** The map, for the browser tests (they compute a pixel inside a State with `project`). */
    __minefreeMap?: MapLibreMap;
  }
}

interface Props {
  states: readonly StateOnDate[];
  label: string;
  onSelect: (iso3: string) => void;
}

/** One State on a choropleth: its category (a key of the palette) and the text shown on hover. */
export interface MapItem {
  iso3: string;
  category: string;
  popup: string;
}

/** The world coloured by each State's status; a click opens the State. */
export function WorldMap({ states, label, onSelect }: Props) {
  const items = useMemo(
    () =>
      states.map((state) => ({
        iso3: state.iso3,
        category: statusCategory(state),
        popup: t('web:map.popup', {
          name: stateName(state.iso3, state.name),
          status: categoryLabel(statusCategory(state)),
        }),
      })),
    [states],
  );
  return <ChoroplethMap items={items} label={label} onSelect={onSelect} />;
}

/**
 * The world, each State filled by its item's category in `palette` (default: the treaty statuses);
 * hovering shows the item's text, a click opens the State.
 */
export function ChoroplethMap({
  items,
  label,
  onSelect,
  palette,
}: {
  items: readonly MapItem[];
  label: string;
  onSelect: (iso3: string) => void;
  palette?: Readonly<Record<string, string>>;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [painted, setPainted] = useState(false);
  const byCode = useRef(new Map<string, MapItem>());
  const select = useRef(onSelect);
  // The world at world zoom: the coarse shapes first, then every State's (see below).
  const { shapes, failed, retry } = useCountryShapes();

  useEffect(() => {
    select.current = onSelect;
  }, [onSelect]);

  useEffect(() => {
    if (!container.current || shapes === null) return;
    const created = new MapLibreMap({
      container: container.current,
      style: mapStyle(shapes, palette),
      bounds: WORLD,
      fitBoundsOptions: { padding: 8 },
      minZoom: -1,
      maxZoom: 7,
      renderWorldCopies: false,
      dragRotate: false,
      attributionControl: { compact: true },
    });
    created.touchZoomRotate.disableRotation();
    created.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    created.getCanvas().setAttribute('aria-label', label);

    const popup = new Popup({ closeButton: false, closeOnClick: false, className: 'map-popup' });
    let hovered: string | null = null;
    const setHover = (iso3: string | null): void => {
      if (hovered) created.setFeatureState({ source: COUNTRIES_SOURCE, id: hovered }, { hover: false });
      hovered = iso3;
      if (hovered) created.setFeatureState({ source: COUNTRIES_SOURCE, id: hovered }, { hover: true });
    };
    created.on('mousemove', COUNTRIES_FILL, (event) => {
      const iso3 = String(event.features?.[0]?.properties.iso3 ?? '');
      const state = byCode.current.get(iso3);
      created.getCanvas().style.cursor = state ? 'pointer' : '';
      setHover(state ? iso3 : null);
      if (state) popup.setLngLat(event.lngLat).setText(state.popup).addTo(created);
      else popup.remove();
    });
    created.on('mouseleave', COUNTRIES_FILL, () => {
      created.getCanvas().style.cursor = '';
      setHover(null);
      popup.remove();
    });
    created.on('click', COUNTRIES_FILL, (event) => {
      const iso3 = String(event.features?.[0]?.properties.iso3 ?? '');
      if (byCode.current.has(iso3)) select.current(iso3);
    });
    created.on('load', () => {
      // The container may have changed size while the page's styles loaded: fit the world again.
      created.resize();
      created.fitBounds(WORLD, { padding: 8, animate: false });
      setMap(created);
      // Then the detailed shapes, so that the smallest States (left out at 1:110m) appear when zoomed in.
      void loadCountryShapes('50m').then((detailed) => {
        const source = created.getSource<GeoJSONSource>(COUNTRIES_SOURCE);
        if (source === undefined) return;
        void source.setData(detailed);
        for (const item of byCode.current.values()) {
          created.setFeatureState({ source: COUNTRIES_SOURCE, id: item.iso3 }, { category: item.category });
        }
      });
    });
    window.__minefreeMap = created;
    return () => {
      popup.remove();
      created.remove();
      if (window.__minefreeMap === created) delete window.__minefreeMap;
    };
    // The label is updated by the effect below; the map is created once (with its palette), when the shapes are in.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shapes === null]);

  useEffect(() => {
    map?.getCanvas().setAttribute('aria-label', label);
  }, [map, label]);

  useEffect(() => {
    if (!map) return;
    byCode.current = new Map(items.map((item) => [item.iso3, item]));
    for (const item of items) {
      map.setFeatureState({ source: COUNTRIES_SOURCE, id: item.iso3 }, { category: item.category });
    }
    let current = true;
    map.once('idle', () => {
      if (current) setPainted(items.length > 0);
    });
    map.triggerRepaint();
    return () => {
      current = false;
      setPainted(false);
    };
  }, [map, items]);

  return (
    <>
      {failed ? <ShapesFailed onRetry={retry} /> : null}
      <div ref={container} className="world-map" data-ready={painted ? 'true' : 'false'} />
    </>
  );
}
