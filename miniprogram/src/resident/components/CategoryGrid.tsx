import { Text, View } from '@tarojs/components';
import { caseCategoryIcons, type CaseCategoryVO } from '@zhili/shared/client';
import './resident.css';

interface CategoryGridProps {
  categories: CaseCategoryVO[];
  value: string | null;
  onChange: (code: string) => void;
}

/** The managed category list as big tappable tiles with their icons. */
export function CategoryGrid({ categories, value, onChange }: CategoryGridProps) {
  return (
    <View className="cat-grid" data-test="category-grid">
      {categories.map((c) => (
        <View
          key={c.code}
          className={`cat-item ${c.code === value ? 'cat-item--active' : ''}`}
          data-test={`category-${c.code}`}
          data-selected={c.code === value ? 'true' : 'false'}
          onClick={() => onChange(c.code)}
        >
          <Text className="cat-item__icon">{caseCategoryIcons[c.icon] ?? caseCategoryIcons.more}</Text>
          <Text className="cat-item__name">{c.name}</Text>
        </View>
      ))}
    </View>
  );
}
