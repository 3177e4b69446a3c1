/**
 * Arrow-key movement in the side menu (the WAI-ARIA disclosure navigation pattern): every entry is a
 * link or a group's button in the Tab order, and the arrow keys move between the visible ones.
 */

/** What the side menu does for a key pressed on one of its entries. */
export type NavMove =
  | { kind: 'focus'; index: number }
  /** ArrowRight on a group: open it, or step into it when it is already open. */
  | { kind: 'open' }
  /** ArrowLeft: close the group (on its button) or go back to its button (from a child). */
  | { kind: 'close' }
  | { kind: 'none' };

export interface NavKeyContext {
  /** Position of the focused entry among the visible entries. */
  index: number;
  count: number;
  /** The focused entry is a group's button (not a link). */
  isGroup: boolean;
  /** The focused entry is a link inside a group. */
  inGroup: boolean;
}

export function navMove(key: string, ctx: NavKeyContext): NavMove {
  const { index, count } = ctx;
  if (count === 0) return { kind: 'none' };
  switch (key) {
    case 'ArrowDown':
      return { kind: 'focus', index: (index + 1) % count };
    case 'ArrowUp':
      return { kind: 'focus', index: (index - 1 + count) % count };
    case 'Home':
      return { kind: 'focus', index: 0 };
    case 'End':
      return { kind: 'focus', index: count - 1 };
    case 'ArrowRight':
      return ctx.isGroup ? { kind: 'open' } : { kind: 'none' };
    case 'ArrowLeft':
      return ctx.isGroup || ctx.inGroup ? { kind: 'close' } : { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}
