import 'maplibre-gl/dist/maplibre-gl.css';
import {
  type FilterSpecification,
  type GeoJSONSource,
  type LngLatBoundsLike,
  Map as MapLibreMap,
  NavigationControl,
  Popup,
  prewarm,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { clearanceTilesUrl } from '../api';
import {
  CLEARANCE_LAYERS,
  CLEARANCE_SOURCE,
  CLICKABLE_LAYERS,
  clearanceFilters,
  clearanceLegend,
  clearanceLayers,
  HAZARD_LAYER,
  dateInt,
  featureWords,
  shapeBounds,
  sliderDates,
} from '../clearance-map';
import { formatDate } from '../dates';
import type { HazardAreaRow } from '../hazard-area-rows';
import { useT } from '../i18n';
import { COUNTRIES_SOURCE, mapStyle } from '../map/map-style';
import { loadCountryShapes } from '../map/world-shapes';
import { useCountryShapes } from '../map/use-country-shapes';
import { ShapesFailed } from './ShapesFailed';
import { type AreaMemory, ClearanceMapPreview } from './ClearanceMapPreview';
import { FirstViewMemory, viewBounds } from '../first-view';
import { HazardAreasTable } from './HazardAreasTable';

setWorkerUrl(workerUrl);
// The worker's script downloads now, beside the country shapes, not once the first map is made.
prewarm();

declare global {
  interface Window {
    /** The clearance map, for the browser tests (they ask it which features it drew). */
    __minefreeClearanceMap?: MapLibreMap;
  }
}

interface Props {
  iso3: string;
  asOf: string;
  /** [west, south, east, north] of the State's hazard areas, or null to show the whole State. */
  bounds: [number, number, number, number] | null;
  /** The first year with a record: where the slider starts. */
  firstYear: number;
  /** The map's name, for screen readers. */
  label: string;
  /** Called once the map has drawn for the first time. */
  onDrawn?: () => void;
  /** Where the first view was left and the area open in it: MapLibre takes over from there. */
  firstView?: AreaMemory;
}

function popupContent(title: string, rows: [string, string][]): HTMLElement {
  const box = document.createElement('div');
  const heading = document.createElement('strong');
  heading.textContent = title;
  box.append(heading);
  const list = document.createElement('dl');
  list.className = 'clearance-popup-list';
  for (const [term, detail] of rows) {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = detail;
    list.append(dt, dd);
  }
  box.append(list);
  return box;
}

/** The State's hazard areas and released land on the offline basemap, on the date the slider picks. */
export function ClearanceMap({ iso3, asOf, bounds, firstYear, label, onDrawn, firstView }: Props) {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const sliderId = useId();
  const dates = useMemo(() => sliderDates(firstYear, asOf), [firstYear, asOf]);
  // The date picked on the slider; null (or a date not on this slider) is its end, the as-of date.
  const [chosen, setChosen] = useState<string | null>(null);
  const picked = chosen === null ? -1 : dates.indexOf(chosen);
  const index = picked >= 0 ? picked : dates.length - 1;
  const shown = dates[index] ?? asOf;
  const shownRef = useRef(shown);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const popupRef = useRef<Popup | null>(null);
  const [ready, setReady] = useState(false);
  /** Clearance features drawn in the view once the map is idle; null before the first time. */
  const [drawn, setDrawn] = useState<number | null>(null);
  // The coarse shapes first (ClearanceSection started their download before this code loaded), so the
  // hazard areas are drawn soon; then the detailed ones, which suit a State's extent (see below).
  const { shapes, failed, retry } = useCountryShapes();
  const drawnRef = useRef(onDrawn);
  const fallbackMemory = useMemo(() => new FirstViewMemory<HazardAreaRow>(iso3), [iso3]);
  const memory = firstView ?? fallbackMemory;
  const memoryRef = useRef(memory);
  useEffect(() => {
    memoryRef.current = memory;
  }, [memory]);

  useEffect(() => {
    drawnRef.current = onDrawn;
  }, [onDrawn]);

  const fit = useMemo<LngLatBoundsLike | null>(() => {
    if (bounds !== null)
      return [
        [bounds[0], bounds[1]],
        [bounds[2], bounds[3]],
      ];
    return null;
  }, [bounds]);

  useEffect(() => {
    if (!container.current || shapes === null) return;
    let alive = true;
    const target = fit ??
      shapeBounds(shapes, iso3) ?? [
        [-180, -56],
        [180, 78],
      ];
    // The clearance tiles are in the first style, not added on 'load': their requests go out beside the
    // shapes' processing instead of after the first draw (one round trip less on a slow connection).
    const base = mapStyle(shapes);
    const clearance = clearanceLayers(clearanceTilesUrl(iso3), dateInt(shownRef.current));
    const created = new MapLibreMap({
      container: container.current,
      style: {
        ...base,
        sources: { ...base.sources, [CLEARANCE_SOURCE]: clearance.source },
        layers: [...base.layers, ...clearance.layers],
      },
      bounds: target,
      fitBoundsOptions: { padding: 24, maxZoom: 13 },
      minZoom: 0,
      maxZoom: 16,
      renderWorldCopies: false,
      dragRotate: false,
      cooperativeGestures: false,
      attributionControl: { compact: true },
    });
    created.touchZoomRotate.disableRotation();
    created.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    created.getCanvas().setAttribute('aria-label', label);

    const popup = new Popup({
      closeButton: true,
      closeOnClick: true,
      className: 'map-popup clearance-popup',
      maxWidth: 'min(21rem, 85vw)',
    });
    popupRef.current = popup;
    created.on('load', () => {
      // The attribution starts folded: open, it covers much of a phone-sized map.
      created.getContainer().querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show');
      created.resize();
      // Where the person left the first view, if they moved it; else the State's areas.
      const left = memoryRef.current.view();
      if (left === null) created.fitBounds(target, { padding: 24, maxZoom: 13, animate: false });
      else {
        const [west, south, east, north] = viewBounds(left);
        const seen: LngLatBoundsLike = [
          [west, south],
          [east, north],
        ];
        created.fitBounds(seen, { padding: 0, maxZoom: 16, animate: false });
      }
      setMap(created);
      created.once('idle', () => {
        // The first view hands over: its open area opens here, and focus inside it moves to the map.
        const preview = container.current?.querySelector('.clearance-map-preview');
        if (preview?.contains(document.activeElement)) created.getCanvas().focus();
        const open = memoryRef.current.open();
        if (open !== null && open.box !== null) {
          const [west, south, east, north] = open.box;
          const words = featureWords(HAZARD_LAYER, open.properties, shownRef.current);
          popup
            .setLngLat([(west + east) / 2, (south + north) / 2])
            .setDOMContent(popupContent(words.title, words.rows))
            .addTo(created);
        }
      });
      created.on('idle', () => {
        setDrawn(
          created.queryRenderedFeatures({
            layers: CLEARANCE_LAYERS.filter((layer) => created.getLayer(layer) !== undefined),
          }).length,
        );
        setReady(true);
        drawnRef.current?.();
      });
      // Once drawn, the detailed shapes replace the coarse ones (they do not share the bandwidth with the tiles).
      created.once('idle', () => {
        void loadCountryShapes('50m').then((detailed) => {
          if (alive) void created.getSource<GeoJSONSource>(COUNTRIES_SOURCE)?.setData(detailed);
        });
      });
    });
    created.on('click', (event) => {
      const layers = CLICKABLE_LAYERS.filter((layer) => created.getLayer(layer) !== undefined);
      const feature = created.queryRenderedFeatures(event.point, { layers })[0];
      if (!feature) return;
      const words = featureWords(feature.sourceLayer ?? '', feature.properties, shownRef.current);
      popup.setLngLat(event.lngLat).setDOMContent(popupContent(words.title, words.rows)).addTo(created);
    });
    for (const layer of CLICKABLE_LAYERS) {
      created.on('mouseenter', layer, () => (created.getCanvas().style.cursor = 'pointer'));
      created.on('mouseleave', layer, () => (created.getCanvas().style.cursor = ''));
    }
    window.__minefreeClearanceMap = created;
    return () => {
      alive = false;
      popup.remove();
      created.remove();
      setMap(null);
      setReady(false);
      setDrawn(null);
      if (window.__minefreeClearanceMap === created) delete window.__minefreeClearanceMap;
    };
    // The label is updated by the effect below; the map is made once per State and extent.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [iso3, fit, shapes]);

  useEffect(() => {
    map?.getCanvas().setAttribute('aria-label', label);
  }, [map, label]);

  // A WebGL canvas prints blank (its buffer is cleared after each frame): before printing, the map is
  // drawn once more and copied, in the same task, into an image that only print shows.
  const printImage = useRef<HTMLImageElement>(null);
  useEffect(() => {
    if (!map) return;
    const copy = () => {
      if (!printImage.current) return;
      map.redraw();
      printImage.current.src = map.getCanvas().toDataURL('image/png');
    };
    const print = window.matchMedia('print');
    const onChange = (event: MediaQueryListEvent) => {
      if (event.matches) copy();
    };
    window.addEventListener('beforeprint', copy);
    print.addEventListener('change', onChange);
    return () => {
      window.removeEventListener('beforeprint', copy);
      print.removeEventListener('change', onChange);
    };
  }, [map]);

  // A row of the table: the map zooms to the area and opens its popup, as a click on it would.
  const showArea = useCallback(
    (row: HazardAreaRow) => {
      const popup = popupRef.current;
      if (!map || !popup || row.box === null) return;
      const [west, south, east, north] = row.box;
      map.fitBounds(
        [
          [west, south],
          [east, north],
        ],
        { padding: 40, maxZoom: 14, animate: false },
      );
      const words = featureWords(HAZARD_LAYER, row.properties, shownRef.current);
      popup
        .setLngLat([(west + east) / 2, (south + north) / 2])
        .setDOMContent(popupContent(words.title, words.rows))
        .addTo(map);
      container.current?.scrollIntoView({ block: 'nearest' });
    },
    [map],
  );

  useEffect(() => {
    shownRef.current = shown;
    if (!map) return;
    const filters: Record<string, FilterSpecification> = clearanceFilters(dateInt(shown));
    for (const [layer, filter] of Object.entries(filters)) if (map.getLayer(layer)) map.setFilter(layer, filter);
  }, [map, shown]);

  return (
    <div className="clearance-map-layout">
      <div className="clearance-map-main">
        <div className="clearance-slider">
          <label htmlFor={sliderId}>{t('web:clearanceMap.slider')}</label>{' '}
          <output htmlFor={sliderId} className="clearance-slider-date" data-testid="clearance-slider-date">
            <time dateTime={shown}>{formatDate(shown)}</time>
          </output>
          <input
            id={sliderId}
            type="range"
            min={0}
            max={dates.length - 1}
            step={1}
            value={index}
            aria-valuetext={formatDate(shown)}
            onChange={(event) => setChosen(dates[Number(event.target.value)] ?? null)}
          />
          <div className="clearance-slider-ends" aria-hidden="true">
            <span>{formatDate(dates[0] ?? asOf, true)}</span>
            <span>{formatDate(asOf, true)}</span>
          </div>
        </div>
        {failed ? <ShapesFailed onRetry={retry} /> : null}
        <div
          ref={container}
          className="clearance-map"
          data-ready={ready ? 'true' : 'false'}
          data-shown={shown}
          data-drawn={drawn ?? ''}
        >
          {ready ? null : <ClearanceMapPreview iso3={iso3} asOf={shown} bounds={bounds} memory={memory} />}
        </div>
        <img ref={printImage} className="clearance-map-print" alt={label} />
        {drawn === 0 ? (
          <p className="clearance-map-empty" role="status">
            {t('web:clearanceMap.empty', { date: formatDate(shown) })}
          </p>
        ) : null}
        <p className="note">{t('web:clearanceMap.note')}</p>
        <HazardAreasTable iso3={iso3} day={shown} onShow={showArea} />
      </div>
      <section className="map-legend clearance-legend" aria-label={t('web:clearanceMap.legend')}>
        {clearanceLegend().map((group) => (
          <div key={group.heading}>
            <h4>{group.heading}</h4>
            {group.note ? <p className="note">{group.note}</p> : null}
            <ul>
              {group.entries.map((entry) => (
                <li key={entry.label}>
                  <span
                    className="swatch"
                    aria-hidden="true"
                    style={{
                      background: entry.fill ?? 'transparent',
                      borderColor: entry.edge,
                      borderStyle: entry.dashed ? 'dashed' : 'solid',
                      borderWidth: 2,
                    }}
                  />
                  {entry.label}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </div>
  );
}
