import { describe, expect, it } from 'vitest';
import type { BoundaryGeometry } from '@zhili/shared';
import { draftLatLngs, editedGeometry } from './draft-geometry';

const square: BoundaryGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [120.1234567, 30.1],
      [120.2, 30.1],
      [120.2, 30.2],
      [120.1234567, 30.2],
      [120.1234567, 30.1],
    ],
  ],
};

describe('draft geometry', () => {
  it('turns the draft into open Leaflet rings and back without changing a coordinate', () => {
    const latlngs = draftLatLngs(square) as [number, number][][];
    expect(latlngs).toEqual([
      [
        [30.1, 120.1234567],
        [30.1, 120.2],
        [30.2, 120.2],
        [30.2, 120.1234567],
      ],
    ]);
    const back = editedGeometry(
      square,
      latlngs.map((r) => r.map(([lat, lng]) => ({ lat, lng }))),
    );
    expect(back).toEqual(square);
  });

  it('rounds only the moved or added vertices and closes the ring', () => {
    const ring = [
      { lat: 30.1, lng: 120.1234567 },
      { lat: 30.15000004, lng: 120.25000004 },
      { lat: 30.1, lng: 120.2 },
      { lat: 30.2, lng: 120.2 },
      { lat: 30.2, lng: 120.1234567 },
    ];
    const edited = editedGeometry(square, [ring]);
    expect(edited).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [120.1234567, 30.1],
          [120.25, 30.15],
          [120.2, 30.1],
          [120.2, 30.2],
          [120.1234567, 30.2],
          [120.1234567, 30.1],
        ],
      ],
    });
  });

  it('keeps a MultiPolygon a MultiPolygon', () => {
    const multi: BoundaryGeometry = { type: 'MultiPolygon', coordinates: [square.coordinates as [number, number][][]] };
    const latlngs = (draftLatLngs(multi) as [number, number][][][]).map((rings) =>
      rings.map((r) => r.map(([lat, lng]) => ({ lat, lng }))),
    );
    expect(editedGeometry(multi, latlngs)).toEqual(multi);
  });
});
