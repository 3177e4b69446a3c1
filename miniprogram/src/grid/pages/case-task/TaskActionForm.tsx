import { Text, Textarea, View } from '@tarojs/components';
import { caseLimits, caseReplyTemplates } from '@zhili/shared/client';
import { useState } from 'react';
import { aria } from '../../../components/a11y/aria';
import { fieldLabel } from '../../../components/a11y/field-label';
import { Heading } from '../../../components/a11y/Heading';
import { Tappable } from '../../../components/a11y/Tappable';
import { Button } from '../../../ui/nutui';
import { PhotoPicker } from '../../../utils/case-view/PhotoPicker';
import { usePhotoUploads } from '../../../utils/case-view/usePhotoUploads';
import '../../../utils/case-view/case-view.css';
import '../case-tasks/case-tasks.css';

/** The forms of a task: 添加进展 (note + photos), 办结 (result + ≥ 1 after-photo), 退回 (reason). */
export type TaskFormKind = 'note' | 'resolve' | 'return';

const forms: Record<
  TaskFormKind,
  {
    title: string;
    /** The text field's visible label, which also names it. */
    label: string;
    placeholder: string;
    min: number;
    max: number;
    missing: string;
    inputTest: string;
    photos: boolean;
    submit: string;
  }
> = {
  note: {
    title: '添加进展',
    label: '进展说明',
    placeholder: '现场处理进展，如：已联系施工队，明天上午到场',
    min: 1,
    max: caseLimits.note.max,
    missing: '请填写进展',
    inputTest: 'task-note-input',
    photos: true,
    submit: '保存进展',
  },
  resolve: {
    title: '办结',
    label: '处理结果',
    placeholder: '处理结果，如：已修复路面坑洞并清理现场',
    min: caseLimits.result.min,
    max: caseLimits.result.max,
    missing: `请填写处理结果，至少 ${caseLimits.result.min} 个字`,
    inputTest: 'task-result-input',
    photos: true,
    submit: '确认办结',
  },
  return: {
    title: '退回',
    label: '退回原因',
    placeholder: '退回原因，如：不属于本网格范围',
    min: caseLimits.reason.min,
    max: caseLimits.reason.max,
    missing: `请填写退回原因，至少 ${caseLimits.reason.min} 个字`,
    inputTest: 'task-reason-input',
    photos: false,
    submit: '确认退回',
  },
};

export interface TaskFormValue {
  text: string;
  photoIds: string[];
}

interface TaskActionFormProps {
  kind: TaskFormKind;
  busy: boolean;
  onSubmit: (value: TaskFormValue) => void;
  onCancel: () => void;
}

export function TaskActionForm({ kind, busy, onSubmit, onCancel }: TaskActionFormProps) {
  const form = forms[kind];
  const [text, setText] = useState(kind === 'resolve' ? (caseReplyTemplates.resolve?.[0] ?? '') : '');
  const [error, setError] = useState<string | null>(null);
  const uploads = usePhotoUploads();
  const replies = kind === 'return' ? (caseReplyTemplates.return ?? []) : [];

  const submit = () => {
    const value = text.trim();
    if (value.length < form.min) return setError(form.missing);
    if (uploads.uploading) return setError('照片上传中，请稍候');
    if (uploads.items.some((p) => p.status === 'failed')) return setError('有照片上传失败，请点 ↻ 重试或删除');
    if (kind === 'resolve' && uploads.doneIds.length === 0) return setError('办结须上传至少 1 张处理后照片');
    setError(null);
    onSubmit({ text: value, photoIds: uploads.doneIds });
  };

  return (
    <View className="card section" data-test={`task-form-${kind}`}>
      <Heading className="task-form__title">{form.title}</Heading>
      {replies.length > 0 ? (
        // Common reasons, one tap (or Enter) away: buttons that fill the field, which stays editable.
        <View className="task-replies" {...aria({ role: 'group', label: `常用${form.label}` })}>
          <Text className="case-muted task-replies__hint">常用{form.label}，点一下填入：</Text>
          {replies.map((r, i) => (
            <Tappable
              key={r}
              className={`task-reply ${r === text ? 'task-reply--used' : ''}`}
              data-test={`task-reply-${i}`}
              label={`填入：${r}`}
              onPress={() => {
                setText(r);
                setError(null);
              }}
            >
              {r}
            </Tappable>
          ))}
        </View>
      ) : null}
      <Text className="case-field__label task-form__label">{form.label}</Text>
      <Textarea
        {...fieldLabel(form.label)}
        className="case-textarea"
        data-test={form.inputTest}
        value={text}
        maxlength={form.max}
        placeholder={form.placeholder}
        onInput={(e) => {
          setText(e.detail.value);
          setError(null);
        }}
      />
      <Text className="case-counter">
        {text.length}/{form.max}
      </Text>
      {form.photos ? (
        <>
          <Text className="case-muted">{kind === 'resolve' ? '处理后照片（至少 1 张）' : '现场照片（选填）'}</Text>
          <PhotoPicker uploads={uploads} max={caseLimits.afterPhotos.max} dataTest="task-photos" />
        </>
      ) : null}
      {error ? (
        <Text className="case-error" data-test="task-form-error" {...aria({ role: 'alert' })}>
          {error}
        </Text>
      ) : null}
      <View className="task-form__buttons">
        <View className="task-form__button" data-test="task-form-cancel">
          <Button block keyAction fill="outline" disabled={busy} onClick={onCancel}>
            取消
          </Button>
        </View>
        <View className="task-form__button" data-test="task-form-submit">
          <Button block keyAction type="primary" loading={busy} disabled={busy} onClick={submit}>
            {form.submit}
          </Button>
        </View>
      </View>
    </View>
  );
}
