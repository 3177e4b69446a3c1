import { Image } from '@tarojs/components';
import type { TileIcon } from '../utils/service-tiles';
import lock from '../assets/icons/lock.svg';
import empty from '../assets/icons/empty.svg';
import offline from '../assets/icons/offline.svg';
import error from '../assets/icons/error.svg';
import tileCases from '../assets/icons/tile-cases.svg';
import tileConsult from '../assets/icons/tile-consult.svg';
import tileStudy from '../assets/icons/tile-study.svg';
import tileTasks from '../assets/icons/tile-tasks.svg';
import tileVisits from '../assets/icons/tile-visits.svg';
import tileCaseTasks from '../assets/icons/tile-case-tasks.svg';
import tileBinding from '../assets/icons/tile-binding.svg';

/**
 * Icons are small stroke SVGs checked into assets/icons (each < 0.5 KB, inlined as data URLs by the
 * build): WeChat's <image> draws SVG without percentages or <style>, which these avoid, and no icon
 * font enters the main package. State marks are grey, tile icons white on a coloured tile.
 */
const sources = {
  lock,
  empty,
  offline,
  error,
  'tile-cases': tileCases,
  'tile-consult': tileConsult,
  'tile-study': tileStudy,
  'tile-tasks': tileTasks,
  'tile-visits': tileVisits,
  'tile-case-tasks': tileCaseTasks,
  'tile-binding': tileBinding,
} satisfies Record<string, string>;

export type IconName = 'lock' | 'empty' | 'offline' | 'error' | `tile-${TileIcon}`;

/** h5: the <img> inside Taro's image takes its alt through nativeProps; icons are decoration. */
const decorative = process.env.TARO_ENV === 'h5' ? { nativeProps: { alt: '' } } : {};

/**
 * An icon sized by `className` (width/height in the caller's CSS). Icons sit next to words that say
 * the same, so screen readers skip them.
 */
export function Icon({ name, className }: { name: IconName; className: string }) {
  return (
    <Image
      className={className}
      src={sources[name]}
      mode="aspectFit"
      data-icon={name}
      aria-hidden="true"
      {...decorative}
    />
  );
}
