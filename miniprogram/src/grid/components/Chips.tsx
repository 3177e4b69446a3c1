import { Text, View } from '@tarojs/components';
import './grid.css';

export interface ChipOption<T extends string> {
  value: T | '';
  label: string;
}

interface ChipsProps<T extends string> {
  options: ChipOption<T>[];
  value: T | '';
  onChange: (value: T | '') => void;
  /** Prefix of the chips' DOM ids in h5 (`<idPrefix>-<value or all>`). */
  idPrefix: string;
}

/** Single-choice filter chips; the empty value means 全部. */
export function Chips<T extends string>({ options, value, onChange, idPrefix }: ChipsProps<T>) {
  return (
    <View className="grid-chips">
      {options.map((option) => (
        <Text
          key={option.value || 'all'}
          id={`${idPrefix}-${option.value || 'all'}`}
          className={`grid-chip ${option.value === value ? 'grid-chip--active' : ''}`}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </Text>
      ))}
    </View>
  );
}
