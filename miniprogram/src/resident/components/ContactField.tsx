import { Input, Text, View } from '@tarojs/components';
import { aria } from '../../components/a11y/aria';
import { fieldLabel } from '../../components/a11y/field-label';
import { Toggle } from '../../components/a11y/Toggle';
import './resident.css';
import '../../utils/case-view/case-view.css';

interface ContactFieldProps {
  /** The bound number, masked (138****0000); null when none is bound. */
  boundMasked: string | null;
  /** null = use the bound number. */
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string;
}

/** 联系电话: the bound number (masked) unless the resident gives another one. */
export function ContactField({ boundMasked, value, onChange, error }: ContactFieldProps) {
  const other = value !== null || !boundMasked;
  return (
    <View className="case-field">
      <Text className="case-field__label">联系电话</Text>
      {boundMasked ? (
        <Toggle
          data-test="contact-other"
          label="使用其他号码"
          checked={value !== null}
          onChange={(on) => onChange(on ? '' : null)}
        />
      ) : null}
      {other ? (
        <Input
          {...fieldLabel('联系电话')}
          className="case-input"
          data-test="contact-phone"
          type="number"
          maxlength={11}
          value={value ?? ''}
          placeholder={boundMasked ? '请输入联系电话' : '选填，便于工作人员联系您'}
          onInput={(e) => onChange(e.detail.value === '' && !boundMasked ? null : e.detail.value)}
        />
      ) : (
        <Text data-test="contact-bound">{boundMasked}（已绑定）</Text>
      )}
      {error ? (
        <Text className="case-error" {...aria({ role: 'alert' })}>
          {error}
        </Text>
      ) : null}
    </View>
  );
}
