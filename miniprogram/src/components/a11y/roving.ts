/**
 * Arrow-key movement inside a radio group or a tab list (WAI-ARIA "roving tabindex"): the group is
 * one tab stop, the arrows move between its items and choose the one they land on, Home / End jump
 * to the ends. Pure, so the key rules are unit-tested; ChoiceGroup.tsx applies them to the DOM.
 */

/** Where a key moves from item `current` of `count`; null when the key is not ours (Tab, letters…). */
export function rovingIndex(key: string, current: number, count: number): number | null {
  if (count <= 0 || current < 0 || current >= count) return null;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'Right':
    case 'Down':
      return (current + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'Left':
    case 'Up':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/**
 * Which item is the group's one tab stop: the chosen one, or the first while nothing is chosen
 * (so Tab still reaches an empty group).
 */
export function tabStopIndex(selected: readonly boolean[]): number {
  const chosen = selected.indexOf(true);
  return chosen >= 0 ? chosen : 0;
}
