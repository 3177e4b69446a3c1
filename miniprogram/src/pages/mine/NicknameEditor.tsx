import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { limits } from '@zhili/shared/client';
import { useState } from 'react';
import { updateMe, type MpProfile } from '../../services/api';
import { fieldLabel } from '../../components/a11y/field-label';
import { Button } from '../../ui/nutui';

interface NicknameEditorProps {
  current: string;
  onSaved: (profile: MpProfile) => void;
  onCancel: () => void;
}

/** Edit the nickname; in weapp the input offers the WeChat nickname (type="nickname"). */
export function NicknameEditor({ current, onSaved, onCancel }: NicknameEditorProps) {
  const [value, setValue] = useState(current);
  const [saving, setSaving] = useState(false);
  const trimmed = value.trim();
  const valid = trimmed.length >= limits.nickname.min && trimmed.length <= limits.nickname.max;

  const save = async () => {
    if (!valid || saving) return;
    setSaving(true);
    try {
      const profile = await updateMe({ nickname: trimmed });
      void Taro.showToast({ title: '已保存', icon: 'success' });
      onSaved(profile);
    } catch {
      // request() already showed the reason
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className="card nickname-editor">
      <Text className="nickname-editor__label">新昵称</Text>
      <Input
        {...fieldLabel('新昵称')}
        id="mine-nickname-input"
        className="nickname-editor__input"
        type={process.env.TARO_ENV === 'weapp' ? 'nickname' : 'text'}
        value={value}
        maxlength={limits.nickname.max}
        placeholder="请输入昵称"
        focus
        onInput={(e) => setValue(e.detail.value)}
        // WeChat fills the nickname on selection without an input event in some versions.
        onBlur={(e) => setValue(e.detail.value)}
      />
      <Text className="nickname-editor__hint">
        {limits.nickname.min}–{limits.nickname.max} 个字
      </Text>
      <View className="nickname-editor__actions">
        <Button size="small" onClick={onCancel}>
          取消
        </Button>
        <Button
          id="mine-nickname-save"
          className="nickname-editor__save"
          type="primary"
          size="small"
          loading={saving}
          disabled={!valid}
          onClick={() => void save()}
        >
          保存
        </Button>
      </View>
    </View>
  );
}
