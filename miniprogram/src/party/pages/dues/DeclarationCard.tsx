import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { duesKindNeedsIncome, type DuesKind, type MyDuesVO } from '@zhili/shared/client';
import { aria } from '../../../components/a11y/aria';
import { ChoiceGroup } from '../../../components/a11y/ChoiceGroup';
import { fieldLabel } from '../../../components/a11y/field-label';
import { Heading } from '../../../components/a11y/Heading';
import { tabStopIndex } from '../../../components/a11y/roving';
import { Tappable } from '../../../components/a11y/Tappable';
import { describeError } from '../../../services/errors';
import { Button } from '../../../ui/nutui';
import { declareDues } from './dues-api';
import { duesKindChoices, duesPreview, fenFromYuan, incomeLabel, yuan } from './dues-format';

interface DeclareFormProps {
  dues: MyDuesVO;
  onSaved: (dues: MyDuesVO) => void;
  onCancel: () => void;
}

/** Kind, income where the kind needs one, and the amount it gives — shown before anything is saved. */
function DeclareForm({ dues, onSaved, onCancel }: DeclareFormProps) {
  const current = dues.declaration;
  const [kind, setKind] = useState<DuesKind>(current?.kind ?? 'employed');
  const [incomeText, setIncomeText] = useState(current?.incomeFen != null ? (current.incomeFen / 100).toFixed(2) : '');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState('');
  const needsIncome = duesKindNeedsIncome(kind);
  const preview = duesPreview(kind, incomeText, current?.farmerFen ?? undefined);
  const stop = tabStopIndex(duesKindChoices.map((c) => c.value === kind));

  const save = async () => {
    const incomeFen = needsIncome ? fenFromYuan(incomeText) : null;
    if (needsIncome && incomeFen === null) {
      setError('请填写每月收入，例如 4500 或 4500.50');
      return;
    }
    setSaving(true);
    setError('');
    try {
      onSaved(await declareDues({ kind, incomeFen }));
    } catch (e) {
      setError(describeError(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <View id="dues-declare-form">
      <Text className="form-row__label">党员类别</Text>
      <ChoiceGroup role="radiogroup" label="党员类别" className="dues-kinds">
        {duesKindChoices.map((choice, i) => (
          <Tappable
            key={choice.value}
            id={`dues-kind-${choice.value}`}
            role="radio"
            selected={choice.value === kind}
            tabStop={i === stop}
            className={`dues-kind ${choice.value === kind ? 'dues-kind--on' : ''}`}
            onPress={() => {
              setKind(choice.value);
              setError('');
            }}
          >
            {choice.label}
          </Tappable>
        ))}
      </ChoiceGroup>
      {needsIncome ? (
        <View>
          <Text className="form-row__label">{incomeLabel(kind)}</Text>
          <Input
            {...fieldLabel(incomeLabel(kind))}
            id="dues-income"
            className="dues-input"
            type="digit"
            maxlength={12}
            value={incomeText}
            placeholder="例如 4500"
            onInput={(e) => {
              setIncomeText(e.detail.value);
              setError('');
            }}
          />
        </View>
      ) : null}
      <View className="dues-preview" id="dues-preview" {...aria({ live: 'polite' })}>
        {preview ? (
          <>
            <View>
              <Text>每月应缴 </Text>
              <Text className="dues-preview__amount" id="dues-preview-amount">
                {yuan(preview.dueFen)}
              </Text>
            </View>
            <Text className="dues-preview__how">{preview.explanation}</Text>
          </>
        ) : (
          <Text>填写收入后显示每月应缴金额</Text>
        )}
      </View>
      {error ? (
        <Text className="dues-error" {...aria({ role: 'alert' })}>
          {error}
        </Text>
      ) : null}
      <View className="dues-actions">
        <Button
          id="dues-declare-save"
          block
          type="primary"
          loading={saving}
          disabled={saving}
          onClick={() => void save()}
        >
          保存申报
        </Button>
        <Button id="dues-declare-cancel" block disabled={saving} onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}

/** The year's base: what applies now, a prompt to re-declare in January, and the form when allowed. */
export function DeclarationCard({ dues, onSaved }: { dues: MyDuesVO; onSaved: (dues: MyDuesVO) => void }) {
  const [open, setOpen] = useState(false);
  const d = dues.declaration;
  return (
    <View className="card party-card" id="dues-declaration">
      <Heading className="party-card__title">党费基数</Heading>
      {d ? (
        <>
          <Text className="party-text" id="dues-declaration-kind">
            {d.year} 年 · {d.kindLabel}
            {d.incomeFen !== null ? ` · 每月收入 ${yuan(d.incomeFen)}` : ''}
          </Text>
          <Text className="party-text party-text--muted">
            每月应缴 {yuan(d.monthlyFen)}（{d.declaredByKind === 'member' ? '本人申报' : '支部登记'}）
          </Text>
        </>
      ) : (
        <Text className="party-text party-text--muted">还没有申报党费基数。</Text>
      )}
      {dues.needsRedeclaration ? (
        <Text className="party-text party-text--warning" id="dues-redeclare">
          每年一月须重新申报党费基数，当前仍按往年基数计算。
        </Text>
      ) : null}
      {open ? (
        <DeclareForm
          dues={dues}
          onCancel={() => setOpen(false)}
          onSaved={(next) => {
            setOpen(false);
            onSaved(next);
          }}
        />
      ) : dues.canDeclare ? (
        <Button id="dues-declare-open" block onClick={() => setOpen(true)}>
          {d ? '重新申报本年度基数' : '申报党费基数'}
        </Button>
      ) : (
        <Text className="party-text party-text--muted">每年一月可重新申报；收入有变化请联系支部更正。</Text>
      )}
    </View>
  );
}
