import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { aria, idProp } from './aria';
import type { DataAttributes } from './Tappable';
import './a11y.css';

interface FormRowProps extends DataAttributes {
  /** The visible label; fields name themselves with the same words (fieldLabel / textareaLabel). */
  label: string;
  /** Id of the label text (h5 tests and aria-labelledby). */
  labelId?: string;
  children: ReactNode;
  /** Shown under the field. */
  hint?: ReactNode;
  /** Announced as soon as it appears. */
  error?: string;
  className?: string;
}

/** A labelled field: the label above, the field, then its hint and error. */
export function FormRow({ label, labelId, children, hint, error, className, ...data }: FormRowProps) {
  return (
    <View className={`form-row ${className ?? ''}`} {...data}>
      <Text {...idProp(labelId)} className="form-row__label">
        {label}
      </Text>
      {children}
      {hint ? <View className="form-row__hint">{hint}</View> : null}
      {error ? (
        <Text className="form-row__error" {...aria({ role: 'alert' })}>
          {error}
        </Text>
      ) : null}
    </View>
  );
}
