import { ChoiceGroup } from '../../components/a11y/ChoiceGroup';
import { tabStopIndex } from '../../components/a11y/roving';
import { Tappable } from '../../components/a11y/Tappable';
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
  /** What the chips filter by (read before the choices). */
  label: string;
}

/** Single-choice filter chips (a radio group, one tab stop, arrow keys); the empty value means 全部. */
export function Chips<T extends string>({ options, value, onChange, idPrefix, label }: ChipsProps<T>) {
  const stop = tabStopIndex(options.map((option) => option.value === value));
  return (
    <ChoiceGroup role="radiogroup" label={label} className="grid-chips">
      {options.map((option, i) => (
        <Tappable
          key={option.value || 'all'}
          id={`${idPrefix}-${option.value || 'all'}`}
          role="radio"
          selected={option.value === value}
          tabStop={i === stop}
          className={`grid-chip ${option.value === value ? 'grid-chip--active' : ''}`}
          onPress={() => onChange(option.value)}
        >
          {option.label}
        </Tappable>
      ))}
    </ChoiceGroup>
  );
}
