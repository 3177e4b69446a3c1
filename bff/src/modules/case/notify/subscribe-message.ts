import type { CaseEvent, CaseRecord } from '../index';
import { wxCharacterString, wxPhrase, wxThing, wxTime } from './subscribe-fields';

/** The moments a reporter can subscribe to (docs/CONTRACTS.md "Outbox and domain events", `wechat.subscribe.case`). */
export type CaseSubscribeMoment = 'accepted' | 'dispatched' | 'resolved';
export const caseSubscribeMoments: readonly CaseSubscribeMoment[] = ['accepted', 'dispatched', 'resolved'];

export type SubscribeData = Record<string, { value: string }>;

/** What the message is built from: the case now, the event that caused it, the category's name. */
export interface SubscribeFacts {
  record: CaseRecord;
  /** The timeline event of the payload's seq (null if it is missing: then the case's own times). */
  event: CaseEvent | null;
  categoryName: string;
}

const eventText = (event: CaseEvent | null, key: string): string | null => {
  const value = event?.data?.[key];
  return typeof value === 'string' ? value : null;
};

/**
 * The keyword values of each template, in the field layout of docs/CONTRACTS.md (the simulator's
 * built-in templates; production templates are chosen with the same layout).
 */
export function subscribeData(moment: CaseSubscribeMoment, facts: SubscribeFacts): SubscribeData {
  const { record, event, categoryName } = facts;
  const at = (fallback: Date | null) => wxTime(event?.createdAt ?? fallback ?? new Date());
  const v = (value: string) => ({ value });
  switch (moment) {
    case 'accepted':
      return {
        character_string1: v(wxCharacterString(record.no)),
        thing2: v(wxThing(categoryName)),
        phrase3: v(wxPhrase('已受理')),
        time4: v(at(record.acceptedAt)),
        thing5: v(wxThing('您反映的问题已受理，我们将尽快处理')),
      };
    case 'dispatched':
      return {
        character_string1: v(wxCharacterString(record.no)),
        thing2: v(wxThing(eventText(event, 'assignee') ?? record.assigneeName, '网格员')),
        phrase3: v(wxPhrase('已派单')),
        time4: v(at(record.dispatchedAt)),
        thing5: v(wxThing('已安排专人处理，请耐心等待')),
      };
    case 'resolved':
      return {
        character_string1: v(wxCharacterString(record.no)),
        thing2: v(wxThing(categoryName)),
        phrase3: v(wxPhrase('已办结')),
        time4: v(at(record.resolvedAt)),
        thing5: v(wxThing(eventText(event, 'result') ?? record.resolution, '已处理完毕')),
      };
  }
}

/** The mini-program page the message opens. */
export const casePage = (caseId: string): string => `resident/pages/case/index?id=${caseId}`;
