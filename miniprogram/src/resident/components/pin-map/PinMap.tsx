import { Text, View } from '@tarojs/components';
import { aria } from '../../../components/a11y/aria';
import { Tappable } from '../../../components/a11y/Tappable';
import {
  cellOffset,
  clampOffset,
  movePoint,
  offsetMetres,
  offsetPercent,
  PIN_MAP,
  type LngLatPoint,
} from './pin-geometry';
import './pin-map.css';

interface PinMapProps {
  /** The located point the square is drawn around (the GPS fix). */
  anchor: LngLatPoint;
  /** The pin: where the problem is. */
  value: LngLatPoint;
  onChange: (point: LngLatPoint) => void;
}

const SCALE_M = 50;
const cells = Array.from({ length: PIN_MAP.cells * PIN_MAP.cells }, (_, i) => ({
  col: i % PIN_MAP.cells,
  row: Math.floor(i / PIN_MAP.cells),
}));
const nudges = [
  { key: 'n', label: '北', east: 0, north: PIN_MAP.stepM },
  { key: 'w', label: '西', east: -PIN_MAP.stepM, north: 0 },
  { key: 'e', label: '东', east: PIN_MAP.stepM, north: 0 },
  { key: 's', label: '南', east: 0, north: -PIN_MAP.stepM },
] as const;
const nudgeName = (direction: string) => `图钉向${direction}移动 ${PIN_MAP.stepM} 米`;

/**
 * An offline map for moving the pin (the H5 build has no map tiles): a square of ±150 m around the
 * located point with a 50 m scale; tapping a spot puts the pin there, the arrows nudge it by 10 m.
 * It does not pretend to show streets — the grey dot is the phone's fix, the red pin the problem.
 */
export function PinMap({ anchor, value, onChange }: PinMapProps) {
  const offset = clampOffset(offsetMetres(anchor, value));
  const pin = offsetPercent(offset);
  const distance = Math.round(Math.hypot(offset.east, offset.north));
  const moveTo = (o: { east: number; north: number }) => {
    const c = clampOffset(o);
    onChange(movePoint(anchor, c.east, c.north));
  };

  return (
    <View className="pin-map" data-test="pin-map">
      {/* Tapping a cell is a shortcut; the buttons below do the same for keyboards and screen readers. */}
      <View className="pin-map__square" {...aria({ hidden: true })}>
        {cells.map(({ col, row }) => (
          <View
            key={`${col}-${row}`}
            className="pin-map__cell"
            data-test="pin-map-cell"
            data-col={String(col)}
            data-row={String(row)}
            style={{ left: `${(col * 100) / PIN_MAP.cells}%`, top: `${(row * 100) / PIN_MAP.cells}%` }}
            onClick={() => moveTo(cellOffset(col, row))}
          />
        ))}
        <View className="pin-map__fix" data-test="pin-map-fix" />
        <View className="pin-map__pin" data-test="pin-map-pin" style={{ left: `${pin.left}%`, top: `${pin.top}%` }}>
          <View className="pin-map__pin-head" />
        </View>
        <Text className="pin-map__north">北 ↑</Text>
        <View className="pin-map__scale">
          <View className="pin-map__scale-bar" style={{ width: `${(SCALE_M / (2 * PIN_MAP.halfM)) * 100}%` }} />
          <Text className="pin-map__scale-text">{SCALE_M} 米</Text>
        </View>
      </View>
      <View className="pin-map__row">
        <Text className="pin-map__offset" data-test="pin-map-offset" {...aria({ live: 'polite' })}>
          {distance === 0 ? '图钉在定位点上' : `图钉距定位点约 ${distance} 米`}
        </Text>
        <View className="pin-map__nudges">
          {nudges.map((n) => (
            <Tappable
              key={n.key}
              className="pin-map__nudge"
              label={nudgeName(n.label)}
              data-test={`pin-map-nudge-${n.key}`}
              onPress={() => moveTo({ east: offset.east + n.east, north: offset.north + n.north })}
            >
              <Text>{n.label}</Text>
            </Tappable>
          ))}
          <Tappable
            className="pin-map__nudge pin-map__nudge--reset"
            label="图钉回到定位点"
            data-test="pin-map-reset"
            onPress={() => moveTo({ east: 0, north: 0 })}
          >
            <Text>复位</Text>
          </Tappable>
        </View>
      </View>
      <Text className="case-hint">
        轻点方格把图钉移到问题所在处，或用方向键每次移动 {PIN_MAP.stepM} 米（灰点为手机定位）。
      </Text>
    </View>
  );
}
