import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { casePriorityLabels, type MpTaskDetailVO } from '@zhili/shared/client';
import { useState } from 'react';
import { Heading } from '../../../components/a11y/Heading';
import { Screen } from '../../../components/a11y/Screen';
import { aria } from '../../../components/a11y/aria';
import { ErrorState, LoadingSkeleton } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';
import { describeError, isAppError } from '../../../services/errors';
import { openMap } from '../../../services/location';
import { Button } from '../../../ui/nutui';
import { afterPhotos, dueCountdown, formatCaseTime } from '../../../utils/case-view/case-format';
import { CaseTimeline } from '../../../utils/case-view/CaseTimeline';
import { PhotoGrid } from '../../../utils/case-view/PhotoGrid';
import { StatusChip } from '../../../utils/case-view/StatusChip';
import { useNow } from '../../../utils/case-view/useNow';
import { actOnTask, addTaskNote, fetchTask } from '../../services/case-task-api';
import { TaskActionForm, type TaskFormKind, type TaskFormValue } from './TaskActionForm';
import '../../../utils/case-view/case-view.css';
import '../case-tasks/case-tasks.css';

const confirmTexts: Record<TaskFormKind | 'start', { title: string; content: string; done: string }> = {
  start: { title: '接单', content: '确认接单？接单后请按时限到现场处理。', done: '已接单' },
  note: { title: '添加进展', content: '保存这条进展？', done: '已保存' },
  resolve: { title: '办结', content: '确认问题已处理完毕并办结？办结后将通知上报人评价。', done: '已办结' },
  return: { title: '退回', content: '确认退回该工单？退回后将由调度人员重新派单。', done: '已退回' },
};

async function confirm(kind: TaskFormKind | 'start'): Promise<boolean> {
  const t = confirmTexts[kind];
  const res = await Taro.showModal({ title: t.title, content: t.content, confirmText: '确定', cancelText: '取消' });
  return res.confirm;
}

function Actions({
  task,
  onStart,
  onOpen,
}: {
  task: MpTaskDetailVO;
  onStart: () => void;
  onOpen: (kind: TaskFormKind) => void;
}) {
  const can = (a: string) => task.availableActions.includes(a as never);
  const open = task.status === 'dispatched' || task.status === 'processing';
  if (!open && task.availableActions.length === 0) return null;
  return (
    <View className="task-actions" data-test="task-actions" {...aria({ role: 'group', label: '办理操作' })}>
      {can('start') ? (
        <View className="task-actions__item" data-test="task-action-start">
          <Button block keyAction type="primary" onClick={onStart}>
            接单
          </Button>
        </View>
      ) : null}
      {open ? (
        <View className="task-actions__item" data-test="task-action-note">
          <Button block keyAction fill="outline" onClick={() => onOpen('note')}>
            添加进展
          </Button>
        </View>
      ) : null}
      {can('resolve') ? (
        <View className="task-actions__item" data-test="task-action-resolve">
          <Button block keyAction type="primary" onClick={() => onOpen('resolve')}>
            办结
          </Button>
        </View>
      ) : null}
      {can('return') ? (
        <View className="task-actions__item" data-test="task-action-return">
          <Button block keyAction fill="outline" onClick={() => onOpen('return')}>
            退回
          </Button>
        </View>
      ) : null}
    </View>
  );
}

/** A dispatched case: what and where (导航), the timeline, and 接单 / 添加进展 / 办结 / 退回. */
export default function GridCaseTask() {
  const id = useRouter().params.id ?? '';
  const [state, reload] = useAsync(() => fetchTask(id));
  const [form, setForm] = useState<TaskFormKind | null>(null);
  const [busy, setBusy] = useState(false);
  const now = useNow();
  useDidShow(() => {
    void reload();
  });
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  const t = state.data;
  if (!t) {
    return (
      <Screen>
        {state.status === 'error' ? (
          <ErrorState message={state.message} onRetry={() => void reload()} />
        ) : (
          <LoadingSkeleton rows={6} />
        )}
      </Screen>
    );
  }

  const run = async (kind: TaskFormKind | 'start', call: () => Promise<MpTaskDetailVO>) => {
    if (!(await confirm(kind))) return;
    setBusy(true);
    try {
      await call();
      setForm(null);
      void Taro.showToast({ title: confirmTexts[kind].done, icon: 'success' });
    } catch (e) {
      const stale = isAppError(e) && e.status === 409;
      void Taro.showModal({
        title: '操作未完成',
        content: stale ? `${describeError(e)}。已为您刷新工单，请查看最新状态。` : describeError(e),
        showCancel: false,
      });
      if (stale) setForm(null);
    } finally {
      setBusy(false);
      await reload();
    }
  };
  const submitForm = (kind: TaskFormKind, v: TaskFormValue) => {
    if (kind === 'note') return void run('note', () => addTaskNote(t.id, v.text, v.photoIds));
    if (kind === 'resolve')
      return void run('resolve', () =>
        actOnTask(t.id, { action: 'resolve', result: v.text, photoIds: v.photoIds, version: t.version }),
      );
    void run('return', () => actOnTask(t.id, { action: 'return', reason: v.text, version: t.version }));
  };
  const due = dueCountdown(t.dueAt, now, t.slaState);
  const before = t.photos.filter((p) => p.phase === 'before');
  const after = afterPhotos(t);
  const open = t.status === 'dispatched' || t.status === 'processing';

  return (
    <Screen dataTest="task-detail" data-status={t.status}>
      <View className="card">
        <View className="task-row__head">
          <Heading className="task-row__title" id="task-title">
            {t.categoryName}
          </Heading>
          <StatusChip status={t.status} />
        </View>
        <Text className="task-row__meta">
          {t.no} · {casePriorityLabels[t.priority]} · {formatCaseTime(t.createdAt)}
        </Text>
        {open ? (
          <Text
            className={`task-due ${due.overdue ? 'task-due--overdue' : due.urgent ? 'task-due--urgent' : ''}`}
            data-test="task-due"
          >
            {due.text}
            {t.dueAt ? `（时限 ${formatCaseTime(t.dueAt)}）` : ''}
          </Text>
        ) : null}
        <Text className="case-timeline__line" data-test="task-description">
          {t.description}
        </Text>
        <PhotoGrid photos={before} dataTest="task-photos-before" label="现场照片" />
        <View className="task-row__head">
          <Text className="task-row__meta">位置：{t.address || '未填写地址'}</Text>
          {t.location ? (
            <View data-test="task-navigate">
              <Button
                size="small"
                fill="outline"
                onClick={() =>
                  t.location &&
                  void openMap({ lng: t.location[0], lat: t.location[1] }, t.categoryName, t.address ?? '')
                }
              >
                导航
              </Button>
            </View>
          ) : null}
        </View>
        {after.length > 0 ? (
          <Heading level={3} className="case-field__label section">
            处理后照片
          </Heading>
        ) : null}
        <PhotoGrid photos={after} dataTest="task-photos-after" label="处理后照片" />
      </View>
      {form ? (
        <TaskActionForm
          key={form}
          kind={form}
          busy={busy}
          onSubmit={(v) => submitForm(form, v)}
          onCancel={() => setForm(null)}
        />
      ) : (
        <Actions
          task={t}
          onStart={() => void run('start', () => actOnTask(t.id, { action: 'start', version: t.version }))}
          onOpen={setForm}
        />
      )}
      <View className="card section">
        <Heading level={3} className="case-field__label">
          办理记录
        </Heading>
        <CaseTimeline events={t.events} />
      </View>
    </Screen>
  );
}
