import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { caseLimits, type CaseSubscribeTemplatesVO } from '@zhili/shared/client';
import { useEffect, useState } from 'react';
import { aria } from '../../../components/a11y/aria';
import { fieldLabel } from '../../../components/a11y/field-label';
import { Screen } from '../../../components/a11y/Screen';
import { Tappable } from '../../../components/a11y/Tappable';
import { Toggle } from '../../../components/a11y/Toggle';
import { ErrorState, LoadingSkeleton } from '../../../components/StateView';
import { WithProfile } from '../../../components/WithProfile';
import { useAsync } from '../../../hooks/useAsync';
import { useProfile } from '../../../hooks/useProfile';
import type { MpProfile } from '../../../services/api';
import { Button } from '../../../ui/nutui';
import { caseDetailUrl, caseRoutes } from '../../../utils/case-routes';
import { publicityNote } from '../../../utils/case-view/case-format';
import { PhotoPicker } from '../../../utils/case-view/PhotoPicker';
import { usePhotoUploads } from '../../../utils/case-view/usePhotoUploads';
import { CategoryGrid } from '../../components/CategoryGrid';
import { ContactField } from '../../components/ContactField';
import { LocationField } from '../../components/LocationField';
import { NearbyDialog } from '../../components/NearbyDialog';
import { Queued, Submitted } from '../../components/SubmitResult';
import { fetchCategories, fetchSubscribeTemplates, saveSubscriptions } from '../../services/case-api';
import { rememberCaseUser } from '../../services/case-user';
import { requestSubscriptions } from '../../../services/subscribe';
import { photosToUploads, uploadsToPhotos, useReportDraft } from './useReportDraft';
import { useSubmitReport } from './useSubmitReport';
import '../../../utils/case-view/case-view.css';
import '../../components/resident.css';

function ReportForm({ profile }: { profile: MpProfile }) {
  const { draft, restored, update, discard } = useReportDraft(profile.id);
  const uploads = usePhotoUploads(photosToUploads(draft.photos));
  const [categories, reloadCategories] = useAsync(fetchCategories);
  const [templates, setTemplates] = useState<CaseSubscribeTemplatesVO | null>(null);
  const [subscribing, setSubscribing] = useState(false);
  const flow = useSubmitReport({ userId: profile.id, draft, uploads, discard });
  // Whether this report will be published on Open311 (the category's setting; anonymous never in full).
  const publicity = publicityNote(
    categories.data?.find((c) => c.code === draft.categoryCode),
    draft.anonymous,
  );

  useEffect(() => {
    rememberCaseUser(profile.id);
    void reloadCategories();
    // Fetched now: the subscribe request must run straight from the tap, with nothing awaited before it.
    fetchSubscribeTemplates().then(setTemplates, () => setTemplates(null));
  }, [reloadCategories, profile.id]);

  // Uploaded photos belong to the draft as soon as they are up.
  const uploadedKey = uploads.doneIds.join(',');
  useEffect(() => {
    if (uploadedKey !== draft.photos.map((p) => p.fileId).join(',')) update({ photos: uploadsToPhotos(uploads.items) });
  }, [uploadedKey, draft.photos, uploads.items, update]);

  const phase = flow.phase;
  if (phase.kind === 'done') {
    const open = () => void Taro.redirectTo({ url: caseDetailUrl(phase.record.id) });
    const subscribe = () => {
      if (!templates) return open();
      setSubscribing(true);
      const ids = [templates.accepted, templates.dispatched, templates.resolved];
      void requestSubscriptions(ids, profile)
        .then((accepted) => (accepted.length > 0 ? saveSubscriptions(phase.record.id, accepted) : null))
        .catch(() => null)
        .finally(open);
    };
    return (
      <Submitted
        record={phase.record}
        canSubscribe={templates !== null}
        busy={subscribing}
        onSubscribe={subscribe}
        onSkip={open}
      />
    );
  }
  if (phase.kind === 'queued') {
    return <Queued onMyCases={() => void Taro.redirectTo({ url: caseRoutes.myCases })} onNew={flow.backToEditing} />;
  }

  const busy = phase.kind === 'checking' || phase.kind === 'submitting';
  return (
    <View>
      {restored ? (
        <View className="draft-notice" data-test="draft-restored">
          <Text>已恢复上次未提交的内容</Text>
          <Tappable
            className="draft-notice__action"
            data-test="draft-discard"
            onPress={() => {
              discard();
              uploads.reset([]);
            }}
          >
            清空重填
          </Tappable>
        </View>
      ) : null}
      <View className="list-group">
        <View className="case-field">
          <Text className="case-field__label">问题类型</Text>
          {categories.data ? (
            <CategoryGrid
              label="问题类型"
              categories={categories.data}
              value={draft.categoryCode}
              onChange={(code) => update({ categoryCode: code })}
            />
          ) : categories.status === 'error' ? (
            <ErrorState message={categories.message} onRetry={() => void reloadCategories()} />
          ) : (
            <LoadingSkeleton rows={2} />
          )}
          {flow.errors.category ? (
            <Text className="case-error" {...aria({ role: 'alert' })}>
              {flow.errors.category}
            </Text>
          ) : null}
          {publicity ? (
            <Text className="case-hint" data-test="report-publicity">
              {publicity}
            </Text>
          ) : null}
        </View>
        <View className="case-field">
          <Text className="case-field__label">问题描述</Text>
          <Textarea
            {...fieldLabel('问题描述')}
            className="case-textarea"
            data-test="description"
            value={draft.description}
            maxlength={caseLimits.description.max}
            placeholder="请描述问题的情况，如：XX路口井盖缺失，存在安全隐患"
            onInput={(e) => update({ description: e.detail.value })}
          />
          <Text className="case-counter" data-test="description-counter">
            已输入 {draft.description.length}/{caseLimits.description.max} 字
          </Text>
          {flow.errors.description ? (
            <Text className="case-error" {...aria({ role: 'alert' })}>
              {flow.errors.description}
            </Text>
          ) : null}
        </View>
        <View className="case-field">
          <Text className="case-field__label">现场照片（选填，最多 {caseLimits.photos.max} 张）</Text>
          <PhotoPicker uploads={uploads} max={caseLimits.photos.max} dataTest="photo-picker" />
        </View>
        <LocationField
          location={draft.location}
          address={draft.address}
          onLocation={(picked) =>
            update({
              location: { lng: picked.lng, lat: picked.lat },
              ...(picked.address ? { address: picked.name ? `${picked.address} ${picked.name}` : picked.address } : {}),
            })
          }
          onAddress={(address) => update({ address })}
          error={flow.errors.location ?? flow.errors.address}
        />
        <View className="case-field">
          <Toggle
            data-test="anonymous-switch"
            label="匿名上报"
            checked={draft.anonymous}
            onChange={(anonymous) => update({ anonymous })}
          />
          <Text className="case-hint">
            开启后，对村/社区工作人员隐藏您的身份；镇（街道）工作人员仍可在需要时联系您。
          </Text>
        </View>
        <ContactField
          boundMasked={profile.phoneMasked}
          value={draft.contactPhone}
          onChange={(contactPhone) => update({ contactPhone })}
          error={flow.errors.contactPhone}
        />
      </View>
      <View className="case-actions" data-test="report-submit">
        <Button block keyAction type="primary" loading={busy} disabled={busy} onClick={() => void flow.submit()}>
          {phase.kind === 'checking' ? '正在查找附近相同问题…' : '提交上报'}
        </Button>
      </View>
      {phase.kind === 'nearby' ? (
        <NearbyDialog
          matches={phase.matches}
          busyId={phase.followingId}
          onFollow={(c) => void flow.follow(c)}
          onSubmitAnyway={flow.submitAnyway}
          onCancel={flow.backToEditing}
        />
      ) : null}
    </View>
  );
}

/** 随手拍: report a problem with photos and location; drafts survive leaving and losing the network. */
export default function ResidentReport() {
  const [state, reload] = useProfile();
  return (
    <Screen>
      <WithProfile state={state} reload={reload}>
        {(profile) => <ReportForm profile={profile} />}
      </WithProfile>
    </Screen>
  );
}
