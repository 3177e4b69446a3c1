import { cellOffset, clampOffset, movePoint, offsetMetres, offsetPercent, PIN_MAP } from './pin-geometry';

const anchor = { lng: 120.1, lat: 30.2 };

describe('offline pin map geometry', () => {
  it('moves a point by metres and measures it back', () => {
    const moved = movePoint(anchor, 30, -20);
    expect(moved.lng).toBeGreaterThan(anchor.lng);
    expect(moved.lat).toBeLessThan(anchor.lat);
    const back = offsetMetres(anchor, moved);
    expect(back.east).toBeCloseTo(30, 0);
    expect(back.north).toBeCloseTo(-20, 0);
    // 10 m north is about 0.00009° of latitude anywhere.
    expect(movePoint(anchor, 0, 10).lat - anchor.lat).toBeCloseTo(0.00009, 5);
  });

  it('maps cells to offsets: the middle cell is the anchor, the top-left is north-west', () => {
    const mid = (PIN_MAP.cells - 1) / 2;
    expect(cellOffset(mid, mid)).toEqual({ east: 0, north: 0 });
    const nw = cellOffset(0, 0);
    expect(nw.east).toBeLessThan(0);
    expect(nw.north).toBeGreaterThan(0);
    expect(nw.east).toBeCloseTo(-PIN_MAP.halfM + PIN_MAP.halfM / PIN_MAP.cells, 6);
  });

  it('keeps the pin on the drawn square and places it in percent', () => {
    expect(clampOffset({ east: 500, north: -900 })).toEqual({ east: PIN_MAP.halfM, north: -PIN_MAP.halfM });
    expect(offsetPercent({ east: 0, north: 0 })).toEqual({ left: 50, top: 50 });
    expect(offsetPercent({ east: PIN_MAP.halfM, north: PIN_MAP.halfM })).toEqual({ left: 100, top: 0 });
  });
});
