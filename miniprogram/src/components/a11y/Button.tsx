import NutButton from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { ComponentProps } from 'react';
import { activationKeys, aria, isH5 } from './aria';

type NutButtonProps = ComponentProps<typeof NutButton>;

export interface ButtonProps extends NutButtonProps {
  /** A key action (提交上报, 报问题…): --zl-tap-key high, 60 px in 长辈模式. */
  keyAction?: boolean;
}

/**
 * NutUI's button as a real control. In weapp it is WeChat's native <button> already; in h5 Taro
 * draws it as a custom element that is neither focusable nor a button, so it gets the role, a tab
 * stop, Enter / Space and its busy / disabled state here. ui/nutui.ts exports this one as `Button`.
 */
export function Button({ keyAction = false, className, disabled, loading, onClick, ...rest }: ButtonProps) {
  const inactive = Boolean(disabled || loading);
  const h5Props = isH5
    ? {
        ...aria({ role: 'button', disabled: inactive }),
        ...(loading ? { 'aria-busy': 'true' } : {}),
        tabIndex: disabled ? -1 : 0,
        onKeyDown: (event: KeyboardEvent) => {
          if (!activationKeys('button').includes(event.key)) return;
          event.preventDefault();
          if (!inactive) (event.currentTarget as HTMLElement | null)?.click();
        },
      }
    : {};
  return (
    <NutButton
      {...rest}
      {...h5Props}
      className={`${keyAction ? 'nut-button--key' : ''} ${className ?? ''}`}
      disabled={disabled}
      loading={loading}
      onClick={onClick}
    />
  );
}
