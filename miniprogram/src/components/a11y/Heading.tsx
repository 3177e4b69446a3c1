import { Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import { aria, idProp } from './aria';

interface HeadingProps {
  children: ReactNode;
  /** 1 is the page title (the navigation bar in h5); sections are 2, their parts 3. */
  level?: 2 | 3 | 4;
  className?: string;
  id?: string;
}

/** A section title a screen reader can jump to. Looks like `.section__title` unless styled. */
export function Heading({ children, level = 2, className = 'section__title', id }: HeadingProps) {
  return (
    <Text {...idProp(id)} className={className} {...aria({ role: 'heading', level })}>
      {children}
    </Text>
  );
}
