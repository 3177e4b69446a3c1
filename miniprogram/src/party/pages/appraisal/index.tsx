import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { appraisalGradeLabels, appraisalGrades, appraisalGroupLabels, type AppraisalGrade } from '@zhili/shared/client';
import { useCallback, useEffect, useState } from 'react';
import { aria } from '../../../components/a11y/aria';
import { ChoiceGroup } from '../../../components/a11y/ChoiceGroup';
import { Heading } from '../../../components/a11y/Heading';
import { Screen } from '../../../components/a11y/Screen';
import { Tappable } from '../../../components/a11y/Tappable';
import { EmptyState } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';
import { Button } from '../../../ui/nutui';
import { fetchMyAppraisal, voteAppraisal } from '../../../utils/survey-view/survey-api';
import { PartyState } from '../../components/PartyState';
import { pageIdFrom } from '../../services/party-format';
import '../../../utils/survey-view/survey-view.css';

/**
 * Voting in a democratic appraisal: one grade (优秀/合格/基本合格/不合格) per member not yet graded;
 * votes are secret and final. Residents reach this page too (they vote as 群众).
 */
export default function PartyAppraisal() {
  const id = pageIdFrom(useRouter().params);
  const load = useCallback(() => fetchMyAppraisal(id ?? ''), [id]);
  const [state, reload] = useAsync(load);
  const [grades, setGrades] = useState<Record<string, AppraisalGrade>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (id) void reload();
  }, [id, reload]);

  if (!id)
    return (
      <Screen>
        <EmptyState title="未指定评议" description="请从“问卷与评议”打开。" />
      </Screen>
    );

  async function submit(): Promise<void> {
    const votes = Object.entries(grades).map(([memberId, grade]) => ({ memberId, grade }));
    if (votes.length === 0) {
      setError('请至少为一名党员选择等次');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await voteAppraisal(id ?? '', votes);
      setGrades({});
      await reload();
    } catch (err) {
      setError(err instanceof Error ? err.message : '提交失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Screen dataTest="party-appraisal">
      <PartyState state={state} reload={() => void reload()}>
        {(a) => (
          <>
            <View className="card survey-head">
              <Heading className="survey-head__title">{a.title}</Heading>
              <Text className="survey-muted">
                {a.orgName} · {a.opensOn} 至 {a.closesOn} · 您以“{appraisalGroupLabels[a.group]}”身份参加
              </Text>
              <Text className="survey-notice survey-notice--anon">
                投票不记名，谁也看不到您投给谁。每名党员只能评一次，提交后不能修改。
              </Text>
            </View>
            {a.done ? (
              <View className="card survey-done" data-test="appraisal-done" {...aria({ live: 'polite' })}>
                <Text className="survey-done__mark">✓</Text>
                <Heading level={2} className="survey-done__title">
                  已全部评完，感谢参与
                </Heading>
                <Text className="survey-text">结果由党支部在评议结束后公布。</Text>
              </View>
            ) : a.phase !== 'open' ? (
              <EmptyState title="不在投票时间内" description={`投票时间：${a.opensOn} 至 ${a.closesOn}`} />
            ) : (
              <>
                {a.appraisees.map((m) => (
                  <View key={m.memberId} className="card survey-q" data-test="appraisal-member">
                    <Heading level={3} className="survey-q__title">
                      {m.name}
                    </Heading>
                    {m.voted ? (
                      <Text className="survey-muted">已评议</Text>
                    ) : (
                      <ChoiceGroup role="radiogroup" label={`评议${m.name}`} className="survey-grade">
                        {appraisalGrades.map((g) => (
                          <Tappable
                            key={g}
                            role="radio"
                            selected={grades[m.memberId] === g}
                            tabStop={g === (grades[m.memberId] ?? 'excellent')}
                            className={`survey-option ${grades[m.memberId] === g ? 'survey-option--on' : ''}`}
                            data-test={`appraisal-grade-${g}`}
                            onPress={() => setGrades((x) => ({ ...x, [m.memberId]: g }))}
                          >
                            {appraisalGradeLabels[g]}
                          </Tappable>
                        ))}
                      </ChoiceGroup>
                    )}
                  </View>
                ))}
                {error ? (
                  <Text className="survey-error" {...aria({ live: 'assertive' })}>
                    {error}
                  </Text>
                ) : null}
                <Button
                  type="primary"
                  block
                  keyAction
                  loading={busy}
                  data-test="appraisal-submit"
                  onClick={() => void submit()}
                >
                  提交评议（{Object.keys(grades).length} 人）
                </Button>
              </>
            )}
          </>
        )}
      </PartyState>
    </Screen>
  );
}
