import { rovingIndex, tabStopIndex } from './roving';

describe('arrow keys in a radio group or tab list', () => {
  it('moves to the next item with → and ↓, wrapping from the last to the first', () => {
    expect(rovingIndex('ArrowRight', 0, 3)).toBe(1);
    expect(rovingIndex('ArrowDown', 1, 3)).toBe(2);
    expect(rovingIndex('ArrowRight', 2, 3)).toBe(0);
    expect(rovingIndex('ArrowDown', 2, 3)).toBe(0);
  });

  it('moves to the previous item with ← and ↑, wrapping from the first to the last', () => {
    expect(rovingIndex('ArrowLeft', 2, 3)).toBe(1);
    expect(rovingIndex('ArrowUp', 1, 3)).toBe(0);
    expect(rovingIndex('ArrowLeft', 0, 3)).toBe(2);
    expect(rovingIndex('ArrowUp', 0, 3)).toBe(2);
  });

  it('jumps to the ends with Home and End', () => {
    expect(rovingIndex('Home', 2, 4)).toBe(0);
    expect(rovingIndex('End', 0, 4)).toBe(3);
  });

  it('knows the key names of old browsers (Edge / IE: Left, Right, Up, Down)', () => {
    expect(rovingIndex('Right', 0, 2)).toBe(1);
    expect(rovingIndex('Left', 0, 2)).toBe(1);
    expect(rovingIndex('Up', 1, 2)).toBe(0);
    expect(rovingIndex('Down', 1, 2)).toBe(0);
  });

  it('leaves every other key alone (Tab moves on to the next control, Space and Enter choose)', () => {
    for (const key of ['Tab', ' ', 'Enter', 'a', 'PageDown', 'Escape']) expect(rovingIndex(key, 1, 3)).toBeNull();
  });

  it('does nothing without a focused item inside the group', () => {
    expect(rovingIndex('ArrowRight', -1, 3)).toBeNull();
    expect(rovingIndex('ArrowRight', 3, 3)).toBeNull();
    expect(rovingIndex('ArrowRight', 0, 0)).toBeNull();
  });

  it('keeps a single item where it is', () => {
    expect(rovingIndex('ArrowRight', 0, 1)).toBe(0);
    expect(rovingIndex('End', 0, 1)).toBe(0);
  });
});

describe('the one tab stop of a group', () => {
  it('is the chosen item', () => {
    expect(tabStopIndex([false, false, true, false])).toBe(2);
  });

  it('is the first item while nothing is chosen, so Tab still reaches the group', () => {
    expect(tabStopIndex([false, false, false])).toBe(0);
    expect(tabStopIndex([])).toBe(0);
  });
});
