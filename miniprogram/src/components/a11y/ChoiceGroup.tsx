import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { aria, idProp, isH5 } from './aria';
import type { DataAttributes } from './Tappable';
import { rovingIndex } from './roving';

interface ChoiceGroupProps extends DataAttributes {
  /** One choice of several (`radiogroup`: categories, rating, filters) or page tabs (`tablist`). */
  role: 'radiogroup' | 'tablist';
  /** What is being chosen, read before the choices. */
  label: string;
  children: ReactNode;
  className?: string;
  id?: string;
}

const ITEM_ROLE = { radiogroup: 'radio', tablist: 'tab' } as const;

/**
 * A group of radios or tabs that a keyboard moves through like a native one (h5): the group is a
 * single tab stop — the chosen item, or the first while nothing is chosen; each item passes
 * `tabStop` to its Tappable (roving.ts `tabStopIndex`) — and ←/→/↑/↓ move to the neighbouring item
 * and choose it, Home / End the first / last. In weapp it only names the group (no keyboard there).
 */
export function ChoiceGroup({ role, label, children, className, id, ...data }: ChoiceGroupProps) {
  const keyboard = isH5
    ? {
        // Keys bubble up from the focused item; Taro's h5 views hand over the DOM's own event.
        onKeyDown: (event: KeyboardEvent) => {
          const group = event.currentTarget as HTMLElement | null;
          const from = event.target as Node | null;
          if (!group || !from) return;
          const items = Array.from(group.querySelectorAll<HTMLElement>(`[role="${ITEM_ROLE[role]}"]`)).filter(
            (item) => item.getAttribute('aria-disabled') !== 'true',
          );
          const current = items.findIndex((item) => item === from || item.contains(from));
          const next = rovingIndex(event.key, current, items.length);
          if (next === null) return;
          event.preventDefault();
          const target = items[next];
          target.focus();
          if (next !== current) target.click();
        },
      }
    : {};
  return (
    <View {...idProp(id)} className={className} {...data} {...aria({ role, label })} {...keyboard}>
      {children}
    </View>
  );
}
