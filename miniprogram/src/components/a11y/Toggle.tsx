import { Text, View } from '@tarojs/components';
import { aria, idProp } from './aria';
import { Tappable, type DataAttributes } from './Tappable';
import './a11y.css';

interface ToggleProps extends DataAttributes {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  id?: string;
  className?: string;
}

/**
 * An on/off switch with its label, tappable as one row (≥ 44 px) and named by the label. The state
 * is written as 开 / 关 next to the track, so it never rests on colour alone.
 */
export function Toggle({ label, checked, onChange, id, className, ...data }: ToggleProps) {
  return (
    <Tappable
      {...idProp(id)}
      role="switch"
      checked={checked}
      label={label}
      className={`toggle ${checked ? 'toggle--on' : ''} ${className ?? ''}`}
      onPress={() => onChange(!checked)}
      data-checked={checked ? 'true' : 'false'}
      {...data}
    >
      <Text className="toggle__label">{label}</Text>
      <View className="toggle__control" {...aria({ hidden: true })}>
        <Text className="toggle__state">{checked ? '开' : '关'}</Text>
        <View className="toggle__track">
          <View className="toggle__knob" />
        </View>
      </View>
    </Tappable>
  );
}
