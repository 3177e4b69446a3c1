import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import type { CSSProperties, ReactNode } from 'react';
import { useDisplay } from '../../hooks/useDisplay';
import { display } from '../../utils/a11y/display';
import { aria, idProp } from './aria';
import type { DataAttributes } from './Tappable';
import './a11y.css';

interface ScreenProps extends DataAttributes {
  children: ReactNode;
  className?: string;
  id?: string;
  /** `data-test` of the page root. */
  dataTest?: string;
}

/**
 * The root of every page: the page's main landmark, and where the size scale lives. The font and
 * tap-size tokens of app.css are computed from `--zl-scale` on this element, which follows WeChat's
 * font setting (read again whenever the page shows) and the user's 长辈模式.
 */
export function Screen({ children, className, id, dataTest, ...data }: ScreenProps) {
  const { scale, elder } = useDisplay();
  useDidShow(() => display.refreshSystem());
  const style = { '--zl-scale': String(scale) } as CSSProperties;
  return (
    <View
      {...idProp(id)}
      className={`page screen ${elder ? 'screen--elder' : ''} ${className ?? ''}`}
      style={style}
      data-test={dataTest}
      {...data}
      data-scale={String(scale)}
      {...aria({ role: 'main' })}
    >
      {children}
    </View>
  );
}
