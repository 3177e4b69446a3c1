import { Input, Switch, Text, View } from '@tarojs/components';
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
      <View className="case-field__row">
        <Text className="case-field__label">联系电话</Text>
        {boundMasked ? (
          <View className="case-field__row" data-test="contact-other">
            <Text className="case-muted">使用其他号码</Text>
            <Switch checked={value !== null} color="#c8161d" onChange={(e) => onChange(e.detail.value ? '' : null)} />
          </View>
        ) : null}
      </View>
      {other ? (
        <Input
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
      {error ? <Text className="case-error">{error}</Text> : null}
    </View>
  );
}
