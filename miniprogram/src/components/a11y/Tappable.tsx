import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { activationKeys, aria, idProp, isH5, type A11yRole } from './aria';
import './a11y.css';

/** `data-test`, `data-status`… pass straight through (tests and styles read them). */
export type DataAttributes = { [key: `data-${string}`]: string | undefined };

export interface TappableProps extends DataAttributes {
  onPress: () => void;
  children: ReactNode;
  /** What the control is to a screen reader; `link` for moving to another page. */
  role?: Extract<A11yRole, 'button' | 'link' | 'tab' | 'radio' | 'switch'>;
  /** Accessible name, when the visible text alone does not say it (e.g. an icon). */
  label?: string;
  disabled?: boolean;
  /** tab / radio: the chosen one. */
  selected?: boolean;
  /** switch: on or off. */
  checked?: boolean;
  /**
   * Inside a ChoiceGroup (radio / tab): whether this item is the group's one tab stop; the others
   * are reached with the arrow keys. Leave undefined anywhere else.
   */
  tabStop?: boolean;
  id?: string;
  className?: string;
  hoverClass?: string;
}

/**
 * The one way to make something tappable: a View with a role and a name (read by WeChat's screen
 * reader and by browsers), and in h5 a tab stop that Enter / Space activate, with a visible focus
 * ring (a11y.css). Every clickable row, tile, chip or icon goes through here; real actions that look
 * like buttons use NutUI's Button, which is a native button already.
 */
export function Tappable({
  onPress,
  children,
  role = 'button',
  label,
  disabled = false,
  selected,
  checked,
  tabStop,
  id,
  className,
  hoverClass = 'tappable--hover',
  ...data
}: TappableProps) {
  const press = () => {
    if (!disabled) onPress();
  };
  const keyboard = isH5
    ? {
        tabIndex: disabled || tabStop === false ? -1 : 0,
        // Taro's h5 views are web components: the handler gets the DOM's own KeyboardEvent.
        onKeyDown: (event: KeyboardEvent) => {
          if (!activationKeys(role).includes(event.key)) return;
          event.preventDefault();
          press();
        },
      }
    : {};
  return (
    <View
      {...idProp(id)}
      className={`tappable ${className ?? ''}`}
      hoverClass={disabled ? 'none' : hoverClass}
      {...data}
      {...aria({
        role,
        label,
        disabled,
        // tabs are "selected", radios and switches "checked"
        selected: role === 'tab' ? selected : undefined,
        checked: role === 'radio' ? selected : role === 'switch' ? checked : undefined,
      })}
      {...keyboard}
      onClick={press}
    >
      {children}
    </View>
  );
}
