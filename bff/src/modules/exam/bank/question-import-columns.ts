import { difficultyLabels, examLimits as L, questionTypeLabels } from '@zhili/shared';
import type { Difficulty, QuestionType } from '@zhili/shared';
import type { ColumnSpec } from '../../registry';

export type QuestionColumnKey =
  | 'category'
  | 'type'
  | 'difficulty'
  | 'stem'
  | 'optionA'
  | 'optionB'
  | 'optionC'
  | 'optionD'
  | 'optionE'
  | 'optionF'
  | 'answer'
  | 'explanation';

export const OPTION_KEYS = ['optionA', 'optionB', 'optionC', 'optionD', 'optionE', 'optionF'] as const;

const option = (key: (typeof OPTION_KEYS)[number], letter: string): ColumnSpec<QuestionColumnKey> => ({
  key,
  header: `选项${letter}`,
  required: false,
  width: 18,
  note: `选择题的选项 ${letter}，${L.option.max} 字以内；判断题、填空题不填`,
});

/** The question import template. */
export const questionColumns: readonly ColumnSpec<QuestionColumnKey>[] = [
  {
    key: 'category',
    header: '分类',
    required: true,
    width: 12,
    note: `必填，${L.category.max} 字以内，如：党章、党史`,
  },
  {
    key: 'type',
    header: '题型',
    required: true,
    list: Object.values(questionTypeLabels),
    width: 10,
    note: '必填，单选题/多选题/判断题/填空题',
  },
  {
    key: 'difficulty',
    header: '难度',
    required: false,
    list: Object.values(difficultyLabels),
    width: 8,
    note: '容易/中等/较难，不填为中等',
  },
  {
    key: 'stem',
    header: '题干',
    required: true,
    width: 40,
    note: `必填，${L.stem.max} 字以内；填空题的空用 ____ 表示`,
  },
  option('optionA', 'A'),
  option('optionB', 'B'),
  option('optionC', 'C'),
  option('optionD', 'D'),
  option('optionE', 'E'),
  option('optionF', 'F'),
  {
    key: 'answer',
    header: '正确答案',
    required: true,
    text: true,
    width: 20,
    note: '必填。单选题填一个字母，如 B；多选题填多个字母，如 ACD；判断题填 对 或 错；填空题每空的答案用 ； 分隔，同一空可接受的多种写法用 | 分隔',
  },
  { key: 'explanation', header: '解析', required: false, width: 30, note: `${L.explanation.max} 字以内` },
];

export const typeByLabel = new Map(Object.entries(questionTypeLabels).map(([k, v]) => [v, k as QuestionType] as const));
export const difficultyByLabel = new Map(
  Object.entries(difficultyLabels).map(([k, v]) => [v, k as Difficulty] as const),
);
