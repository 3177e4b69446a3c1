import Taro, { useRouter } from '@tarojs/taro';
import { Image, Picker, Text, Textarea, View } from '@tarojs/components';
import { registryLimits } from '@zhili/shared/client';
import { useState } from 'react';
import { aria } from '../../../components/a11y/aria';
import { fieldLabel } from '../../../components/a11y/field-label';
import { Heading } from '../../../components/a11y/Heading';
import { Screen } from '../../../components/a11y/Screen';
import { Tappable } from '../../../components/a11y/Tappable';
import { describeError } from '../../../services/errors';
import { Button } from '../../../ui/nutui';
import { todayCst, visitInstant } from '../../format';
import { recordVisit } from '../../services/grid-api';
import { type PickedPhoto, uploadPhoto } from '../../services/photo-upload';
import '../../components/grid.css';

const MAX_PHOTOS = registryLimits.visitPhotos.max;
/** h5: the <img> inside Taro's image takes its alt through nativeProps. */
const photoAlt = (i: number) =>
  process.env.TARO_ENV === 'h5'
    ? { nativeProps: { alt: `第 ${i + 1} 张照片` } }
    : { 'aria-label': `第 ${i + 1} 张照片` };
/** The BFF accepts visits up to 30 days back (late paperwork), never in the future. */
const OLDEST_DAYS = 30;

function daysAgo(days: number): string {
  return todayCst(new Date(Date.now() - days * 86_400_000));
}

/** Record a home visit: date, what was found, up to three photos. */
export default function GridVisitNew() {
  const { params } = useRouter();
  const personId = params.personId ?? '';
  const name = params.name ? decodeURIComponent(params.name) : '';
  const [day, setDay] = useState(todayCst());
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [noteError, setNoteError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const setPhoto = (localPath: string, patch: Partial<PickedPhoto>) =>
    setPhotos((prev) => prev.map((p) => (p.localPath === localPath ? { ...p, ...patch } : p)));

  const upload = async (localPath: string) => {
    setPhoto(localPath, { status: 'uploading', error: undefined });
    try {
      setPhoto(localPath, { status: 'done', file: await uploadPhoto(localPath) });
    } catch (e) {
      setPhoto(localPath, { status: 'failed', error: describeError(e) });
    }
  };

  const pick = async () => {
    try {
      const res = await Taro.chooseImage({
        count: MAX_PHOTOS - photos.length,
        sizeType: ['compressed'],
        sourceType: ['camera', 'album'],
      });
      const picked = res.tempFilePaths.slice(0, MAX_PHOTOS - photos.length);
      setPhotos((prev) => [...prev, ...picked.map((localPath) => ({ localPath, status: 'uploading' as const }))]);
      await Promise.all(picked.map((path) => upload(path)));
    } catch {
      // The user closed the picker: nothing to do.
    }
  };

  const submit = async () => {
    const text = note.trim();
    if (text.length < registryLimits.visitNote.min) {
      setNoteError('请填写走访情况');
      return;
    }
    if (photos.some((p) => p.status === 'uploading')) {
      void Taro.showToast({ title: '照片上传中，请稍候', icon: 'none' });
      return;
    }
    if (photos.some((p) => p.status === 'failed')) {
      void Taro.showToast({ title: '有照片上传失败，请重试或删除', icon: 'none' });
      return;
    }
    setSubmitting(true);
    try {
      await recordVisit({
        personId,
        visitedAt: visitInstant(day),
        note: text,
        photoIds: photos.flatMap((p) => (p.file ? [p.file.id] : [])),
      });
      await Taro.showToast({ title: '已记录走访', icon: 'success' });
      setTimeout(() => void Taro.navigateBack(), 600);
    } catch (e) {
      void Taro.showToast({ title: describeError(e), icon: 'none', duration: 3000 });
      setSubmitting(false);
    }
  };

  return (
    <Screen>
      <View className="card">
        <Heading className="grid-title" id="visit-person">
          走访对象：{name || '—'}
        </Heading>
      </View>
      <View className="section list-group">
        <Picker
          mode="date"
          value={day}
          start={daysAgo(OLDEST_DAYS)}
          end={todayCst()}
          onChange={(e) => setDay(e.detail.value)}
        >
          <View className="grid-field">
            <Text className="grid-field__label">走访日期</Text>
            <Text id="visit-date">{day}</Text>
          </View>
        </Picker>
        <View className="grid-field">
          <Text className="grid-field__label">走访情况</Text>
          <Textarea
            {...fieldLabel('走访情况')}
            id="visit-note"
            className="grid-textarea"
            value={note}
            maxlength={registryLimits.visitNote.max}
            placeholder="身体状况、生活困难、诉求等"
            onInput={(e) => {
              setNote(e.detail.value);
              setNoteError(null);
            }}
          />
          <Text className="grid-sub">
            {note.length}/{registryLimits.visitNote.max}
          </Text>
          {noteError ? (
            <Text className="grid-error" id="visit-note-error" {...aria({ role: 'alert' })}>
              {noteError}
            </Text>
          ) : null}
        </View>
        <View className="grid-field">
          <Text className="grid-field__label">现场照片（最多 {MAX_PHOTOS} 张）</Text>
          <View className="grid-photos" id="visit-photos">
            {photos.map((p, i) => (
              <View key={p.localPath} className="grid-photo">
                <Image className="grid-photo__img" src={p.localPath} mode="aspectFill" {...photoAlt(i)} />
                {p.status === 'uploading' ? (
                  <Text className="grid-photo__remove" {...aria({ label: '上传中', role: 'status' })}>
                    …
                  </Text>
                ) : null}
                {p.status === 'failed' ? (
                  <Tappable
                    className="grid-photo__remove"
                    label={`重新上传第 ${i + 1} 张照片`}
                    onPress={() => void upload(p.localPath)}
                  >
                    ↻
                  </Tappable>
                ) : (
                  <Tappable
                    className="grid-photo__remove"
                    label={`删除第 ${i + 1} 张照片`}
                    onPress={() => setPhotos((prev) => prev.filter((x) => x.localPath !== p.localPath))}
                  >
                    ×
                  </Tappable>
                )}
              </View>
            ))}
            {photos.length < MAX_PHOTOS ? (
              <Tappable
                className="grid-photo grid-photo--add"
                id="visit-add-photo"
                label={`添加现场照片，已选 ${photos.length} 张，最多 ${MAX_PHOTOS} 张`}
                onPress={() => void pick()}
              >
                +
              </Tappable>
            ) : null}
          </View>
          {photos
            .filter((p) => p.status === 'failed')
            .map((p) => (
              <Text key={p.localPath} className="grid-error">
                照片上传失败：{p.error}（点 ↻ 重试）
              </Text>
            ))}
        </View>
      </View>
      <View className="grid-actions">
        <Button
          id="visit-submit"
          type="primary"
          block
          keyAction
          loading={submitting}
          disabled={submitting}
          onClick={() => void submit()}
        >
          保存走访记录
        </Button>
      </View>
    </Screen>
  );
}
