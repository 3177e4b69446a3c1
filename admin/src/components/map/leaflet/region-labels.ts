/**
 * Which region names to show on a map and where, in screen pixels (pure, so it is unit-tested and
 * shared by the region map and the case maps): leaf names that fit their shape, a parent's name
 * only where none of its children's is shown, the selected region's name always, and never two
 * names on top of each other (zoom in to see more).
 */
export interface LabelShape {
  id: string;
  name: string;
  parentId: string | null;
  /** The region has children on the map (its name is bigger, and yields to theirs). */
  isParent: boolean;
  /** Label point on screen, or null when the region has none. */
  at: [number, number] | null;
  /** Width of the region's bounding box on screen. */
  widthPx: number;
}

export interface PlacedLabel {
  id: string;
  name: string;
  x: number;
  y: number;
  parent: boolean;
}

type Box = [number, number, number, number];

/** Screen box of a label (12 px text, 14 px for parents, plus the white halo), centred on x/y. */
export function labelBox(l: Pick<PlacedLabel, 'name' | 'x' | 'y' | 'parent'>): Box {
  const w = l.name.length * (l.parent ? 14 : 12) + 6;
  const h = l.parent ? 18 : 16;
  return [l.x - w / 2, l.y - h / 2, l.x + w / 2, l.y + h / 2];
}

const overlaps = (a: Box, b: Box): boolean => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** Whether a name fits across its shape. */
const fits = (s: LabelShape): boolean => s.widthPx >= s.name.length * 12 + 10;

/**
 * `shapes` in draw order (parents first). The selected region's label is placed first, then the
 * others children-first, each dropped when its box would overlap one already placed or it lies
 * outside the `width × height` viewport.
 */
export function placeLabels(
  shapes: readonly LabelShape[],
  view: {
    width: number;
    height: number;
    selectedId?: string | null;
    editingId?: string | null;
    coverAncestors?: boolean;
  },
): PlacedLabel[] {
  const shown: PlacedLabel[] = [];
  const boxes: Box[] = [];
  const parentsCovered = new Set<string>();
  const isSelected = (s: LabelShape) => s.id === view.selectedId;
  const ordered = [...shapes].reverse(); // children first
  ordered.sort((a, b) => Number(isSelected(b)) - Number(isSelected(a)));
  for (const s of ordered) {
    const covered = s.isParent && parentsCovered.has(s.id);
    // On the case maps a named grid silences its village and the town above it as well.
    if (covered && view.coverAncestors && s.parentId) parentsCovered.add(s.parentId);
    const wanted = isSelected(s) || (fits(s) && !covered);
    if (!wanted || !s.at || s.id === view.editingId) continue;
    const [x, y] = s.at;
    if (x < -50 || y < -20 || x > view.width + 50 || y > view.height + 20) continue;
    const label = { id: s.id, name: s.name, x, y, parent: s.isParent };
    const box = labelBox(label);
    if (boxes.some((b) => overlaps(b, box))) continue;
    shown.push(label);
    boxes.push(box);
    if (s.parentId) parentsCovered.add(s.parentId);
  }
  return shown;
}
