import { Text, Textarea, View } from '@tarojs/components';
import { caseLimits } from '@zhili/shared/client';
import { useState } from 'react';
import { aria } from '../../components/a11y/aria';
import { fieldLabel } from '../../components/a11y/field-label';
import { Heading } from '../../components/a11y/Heading';
import { Button } from '../../ui/nutui';
import { formatCaseTime } from '../../utils/case-view/case-format';
import { PhotoPicker } from '../../utils/case-view/PhotoPicker';
import { usePhotoUploads } from '../../utils/case-view/usePhotoUploads';
import '../../utils/case-view/case-view.css';
import './resident.css';

interface DisputeFormProps {
  disputeUntil: string | null;
  busy: boolean;
  onSubmit: (reason: string, photoIds: string[]) => void;
}

/** 问题没解决: the reporter sends the case back with a reason (and photos) within the window. */
export function DisputeForm({ disputeUntil, busy, onSubmit }: DisputeFormProps) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const uploads = usePhotoUploads();

  if (!open) {
    return (
      <View className="card section">
        <Text className="case-muted">
          问题其实没有解决？{disputeUntil ? `${formatCaseTime(disputeUntil)} 前` : ''}可以反馈，工作人员会重新处理。
        </Text>
        <View className="case-actions" data-test="dispute-open">
          <Button block fill="outline" onClick={() => setOpen(true)}>
            问题没解决
          </Button>
        </View>
      </View>
    );
  }
  const submit = () => {
    const text = reason.trim();
    if (text.length < caseLimits.reason.min) return setError(`请说明未解决的情况，至少 ${caseLimits.reason.min} 个字`);
    if (uploads.uploading) return setError('照片上传中，请稍候');
    setError(null);
    onSubmit(text, uploads.doneIds);
  };
  return (
    <View className="card section" data-test="dispute-form">
      <Heading level={3} className="case-field__label">
        问题没解决
      </Heading>
      <Textarea
        {...fieldLabel('未解决的情况')}
        className="case-textarea"
        data-test="dispute-reason"
        value={reason}
        maxlength={caseLimits.reason.max}
        placeholder="请说明现在的情况，如：路灯修好后当晚又不亮了"
        onInput={(e) => setReason(e.detail.value)}
      />
      <PhotoPicker uploads={uploads} max={caseLimits.photos.max} dataTest="dispute-photos" />
      {error ? (
        <Text className="case-error" {...aria({ role: 'alert' })}>
          {error}
        </Text>
      ) : null}
      <View className="case-actions" data-test="dispute-submit">
        <Button block type="primary" loading={busy} disabled={busy} onClick={submit}>
          提交反馈
        </Button>
      </View>
    </View>
  );
}
