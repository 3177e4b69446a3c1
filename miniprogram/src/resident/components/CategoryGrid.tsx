import { Text } from '@tarojs/components';
import { caseCategoryIcons, type CaseCategoryVO } from '@zhili/shared/client';
import { aria } from '../../components/a11y/aria';
import { ChoiceGroup } from '../../components/a11y/ChoiceGroup';
import { tabStopIndex } from '../../components/a11y/roving';
import { Tappable } from '../../components/a11y/Tappable';
import './resident.css';

interface CategoryGridProps {
  categories: CaseCategoryVO[];
  value: string | null;
  onChange: (code: string) => void;
  /** The group's name (the field label). */
  label: string;
}

/**
 * The managed category list as big tiles with their icons: one choice of several, so a radio group
 * (the chosen tile is outlined and says 已选, not only tinted).
 */
export function CategoryGrid({ categories, value, onChange, label }: CategoryGridProps) {
  const stop = tabStopIndex(categories.map((c) => c.code === value));
  return (
    <ChoiceGroup role="radiogroup" label={label} className="cat-grid" data-test="category-grid">
      {categories.map((c, i) => {
        const selected = c.code === value;
        return (
          <Tappable
            key={c.code}
            role="radio"
            selected={selected}
            tabStop={i === stop}
            label={c.name}
            className={`cat-item ${selected ? 'cat-item--active' : ''}`}
            data-test={`category-${c.code}`}
            data-selected={selected ? 'true' : 'false'}
            onPress={() => onChange(c.code)}
          >
            <Text className="cat-item__icon" {...aria({ hidden: true })}>
              {caseCategoryIcons[c.icon] ?? caseCategoryIcons.more}
            </Text>
            <Text className="cat-item__name">{c.name}</Text>
            {selected ? <Text className="cat-item__check">已选</Text> : null}
          </Tappable>
        );
      })}
    </ChoiceGroup>
  );
}
