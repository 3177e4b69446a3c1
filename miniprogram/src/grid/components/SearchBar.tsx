import { Input, View } from '@tarojs/components';
import { useState } from 'react';
import { aria } from '../../components/a11y/aria';
import { fieldLabel } from '../../components/a11y/field-label';
import { Button } from '../../ui/nutui';
import './grid.css';

interface SearchBarProps {
  /** The field's name (搜索户…): the placeholder only hints at what to type, and goes away. */
  label: string;
  placeholder: string;
  /** Called with the trimmed text (possibly empty = show everything). */
  onSearch: (q: string) => void;
  id?: string;
}

/**
 * A search box that searches on the keyboard's 搜索 key or the button, not on every keystroke. The
 * field is named by `label` plus the hint, inside a search landmark a screen reader can jump to.
 */
export function SearchBar({ label, placeholder, onSearch, id }: SearchBarProps) {
  const [text, setText] = useState('');
  const submit = () => onSearch(text.trim());
  return (
    <View className="grid-search" {...aria({ role: 'search', label })}>
      <Input
        {...fieldLabel(`${label}：${placeholder}`)}
        id={id}
        className="grid-search__input"
        value={text}
        placeholder={placeholder}
        confirmType="search"
        maxlength={32}
        onInput={(e) => setText(e.detail.value)}
        onConfirm={submit}
      />
      <Button id={id ? `${id}-submit` : undefined} type="primary" size="small" onClick={submit}>
        搜索
      </Button>
    </View>
  );
}
