import { describe, expect, it } from 'vitest';
import { project } from './clearance-preview';
import {
  FirstViewMemory,
  type View,
  centreOn,
  fitAspect,
  inView,
  panView,
  unproject,
  viewBounds,
  zoomView,
} from './first-view';

const FIRST: View = [1000, 2000, 400, 200];

describe('the first view moved and zoomed', () => {
  it('zooms about its centre by default and keeps the point under the pointer where it is', () => {
    expect(zoomView(FIRST, 2, FIRST)).toEqual([1100, 2050, 200, 100]);
    // About the top left corner (0, 0): the corner stays.
    const corner = zoomView(FIRST, 2, FIRST, 0, 0);
    expect(corner.slice(0, 2)).toEqual([1000, 2000]);
    expect(corner[2]).toBe(200);
  });

  it('stops zooming at 256 times closer and 4 times farther than the first frame', () => {
    let view = FIRST;
    for (let i = 0; i < 20; i += 1) view = zoomView(view, 2, FIRST);
    expect(view[2]).toBeCloseTo(400 / 256);
    for (let i = 0; i < 40; i += 1) view = zoomView(view, 0.5, FIRST);
    expect(view[2]).toBeCloseTo(1600);
  });

  it('pans by a share of its size', () => {
    expect(panView(FIRST, 0.25, -0.5)).toEqual([1100, 1900, 400, 200]);
  });

  it('takes the shape of the box it is drawn in, about its centre', () => {
    expect(fitAspect(FIRST, 1)).toEqual([1000, 1900, 400, 400]);
    expect(fitAspect(FIRST, 4)).toEqual([800, 2000, 800, 200]);
  });

  it('turns back into longitude and latitude (the inverse of the projection)', () => {
    const [x, y] = project(104.9, 11.55);
    const [lon, lat] = unproject(x, y);
    expect(lon).toBeCloseTo(104.9, 6);
    expect(lat).toBeCloseTo(11.55, 6);
    const [west, south, east, north] = viewBounds(centreOn([0, 0, 10, 10], 104.9, 11.55));
    expect(west).toBeLessThan(104.9);
    expect(east).toBeGreaterThan(104.9);
    expect(south).toBeLessThan(11.55);
    expect(north).toBeGreaterThan(11.55);
    expect(inView(centreOn([0, 0, 10, 10], 104.9, 11.55), x, y)).toBe(true);
    expect(inView([0, 0, 10, 10], x, y)).toBe(false);
  });

  it('remembers the view and the open area for the next copy and MapLibre', () => {
    const memory = new FirstViewMemory<string>('KHM');
    expect([memory.view(), memory.open()]).toEqual([null, null]);
    memory.keepView(FIRST);
    memory.keepOpen('KHM-1');
    expect([memory.view(), memory.open()]).toEqual([FIRST, 'KHM-1']);
  });
});
