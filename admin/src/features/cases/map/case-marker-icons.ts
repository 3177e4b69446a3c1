/**
 * Case markers and cluster bubbles as Leaflet divIcons holding small SVGs built with the DOM API
 * (no image URLs, so nothing to allow in the CSP; no HTML strings, so nothing to escape).
 */
import type { CaseMapPointVO } from '@zhili/shared';
import { L } from '@/components/map/leaflet/offline-map';
import { clusterColor, clusterRadius, isOverduePoint, pointColor } from './map-colors';

const SVG_NS = 'http://www.w3.org/2000/svg';

function svgEl<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** The map pin outline (tip at 0,0, head of radius 10 centred 17 px above). */
export const PIN_PATH = 'M0 0 C-3 -7 -10 -10 -10 -17 A10 10 0 1 1 10 -17 C10 -10 3 -7 0 0 Z';

/** A pin icon whose tip sits on the position; extra attributes go on the pin's outline. */
export function pinIcon(
  fill: string,
  stroke: { color: string; width: number },
  attrs: Record<string, string> = {},
): L.DivIcon {
  const svg = svgEl('svg', { width: 24, height: 30, viewBox: '-12 -29 24 30' });
  svg.append(
    svgEl('path', { d: PIN_PATH, fill, stroke: stroke.color, 'stroke-width': stroke.width, ...attrs }),
    svgEl('circle', { cx: 0, cy: -17, r: 3.6, fill: '#fff' }),
  );
  return L.divIcon({ className: 'zl-map-marker', html: svg, iconSize: [24, 30], iconAnchor: [12, 29] });
}

/** One case: status colour (red when overdue), dark outline when it is the selected one. */
export function caseIcon(p: CaseMapPointVO, selected: boolean): L.DivIcon {
  return pinIcon(pointColor(p), selected ? { color: '#1f2329', width: 2.5 } : { color: '#fff', width: 1.5 }, {
    'data-test': 'case-map-marker',
    'data-id': p.id,
    'data-overdue': isOverduePoint(p) ? 'true' : 'false',
  });
}

/** A bubble with the member count: red when any member is overdue, else the dominant status colour. */
export function clusterIcon(members: readonly CaseMapPointVO[]): L.DivIcon {
  const r = clusterRadius(members.length);
  const size = 2 * (r + 4);
  const color = clusterColor(members);
  const svg = svgEl('svg', { width: size, height: size, viewBox: `${-size / 2} ${-size / 2} ${size} ${size}` });
  const count = svgEl('text', {
    'text-anchor': 'middle',
    'dominant-baseline': 'central',
    fill: '#fff',
    'font-size': 12,
    'font-weight': 700,
  });
  count.textContent = String(members.length);
  svg.append(
    svgEl('circle', { r: r + 4, fill: color, opacity: 0.25 }),
    svgEl('circle', {
      r,
      fill: color,
      stroke: '#fff',
      'stroke-width': 2,
      'data-test': 'case-map-cluster',
      'data-count': members.length,
    }),
    count,
  );
  return L.divIcon({ className: 'zl-map-marker', html: svg, iconSize: [size, size] });
}
