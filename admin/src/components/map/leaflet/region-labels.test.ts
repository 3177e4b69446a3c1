import { describe, expect, it } from 'vitest';
import { placeLabels, type LabelShape } from './region-labels';

const view = { width: 800, height: 600 };

function shape(id: string, at: [number, number] | null, extra: Partial<LabelShape> = {}): LabelShape {
  return { id, name: `区域${id}`, parentId: null, isParent: false, at, widthPx: 200, ...extra };
}

describe('placeLabels', () => {
  it('shows the names that fit their shape and drops those too wide for it', () => {
    const placed = placeLabels([shape('a', [100, 100]), shape('b', [300, 100], { widthPx: 20 })], view);
    expect(placed.map((l) => l.id)).toEqual(['a']);
  });

  it('never places two labels on top of each other, and the selected one wins', () => {
    const shapes = [shape('a', [100, 100]), shape('b', [110, 102])];
    expect(placeLabels(shapes, view).map((l) => l.id)).toEqual(['b']);
    expect(placeLabels(shapes, { ...view, selectedId: 'a' }).map((l) => l.id)).toEqual(['a']);
  });

  it('names a parent only when none of its children is named', () => {
    const parent = shape('p', [400, 300], { isParent: true });
    const child = shape('c', [100, 100], { parentId: 'p' });
    expect(placeLabels([parent, child], view).map((l) => l.id)).toEqual(['c']);
    const hiddenChild = shape('c', [100, 100], { parentId: 'p', widthPx: 10 });
    expect(placeLabels([parent, hiddenChild], view).map((l) => ({ id: l.id, parent: l.parent }))).toEqual([
      { id: 'p', parent: true },
    ]);
  });

  it('can keep every ancestor of a named region unnamed (the case maps)', () => {
    const town = shape('t', [600, 500], { isParent: true });
    const village = shape('v', [400, 300], { isParent: true, parentId: 't', widthPx: 10 });
    const grid = shape('g', [100, 100], { parentId: 'v' });
    expect(placeLabels([town, village, grid], view).map((l) => l.id)).toEqual(['g', 't']);
    expect(placeLabels([town, village, grid], { ...view, coverAncestors: true }).map((l) => l.id)).toEqual(['g']);
  });

  it('skips the region being edited, regions without a label point and points off screen', () => {
    const placed = placeLabels(
      [shape('a', [100, 100]), shape('b', null), shape('c', [2000, 100]), shape('d', [500, 500])],
      { ...view, editingId: 'a' },
    );
    expect(placed.map((l) => l.id)).toEqual(['d']);
  });
});
