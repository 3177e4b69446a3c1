import { Text, View } from '@tarojs/components';
import type { CaseEventVO } from '@zhili/shared';
import { eventDetails, eventTitle, formatCaseTime } from './case-format';
import { PhotoGrid } from './PhotoGrid';
import './case-view.css';

/** The case's full history, newest first: who did what, when, with notes and photos. */
export function CaseTimeline({ events }: { events: CaseEventVO[] }) {
  const ordered = [...events].sort((a, b) => b.seq - a.seq);
  return (
    <View className="case-timeline" data-test="case-timeline">
      {ordered.map((e, i) => (
        <View
          key={e.id}
          className={`case-timeline__item ${i === 0 ? 'case-timeline__item--latest' : ''}`}
          data-test="timeline-event"
          data-type={e.type}
        >
          <View className="case-timeline__dot" />
          <View className="case-timeline__body">
            <View className="case-timeline__head">
              <Text className="case-timeline__title">{eventTitle(e)}</Text>
              <Text className="case-timeline__time">{formatCaseTime(e.createdAt)}</Text>
            </View>
            <Text className="case-timeline__actor">{e.actor.name}</Text>
            {eventDetails(e).map((line) => (
              <Text key={line} className="case-timeline__line">
                {line}
              </Text>
            ))}
            {e.note ? <Text className="case-timeline__line">{e.note}</Text> : null}
            <PhotoGrid photos={e.photos} />
          </View>
        </View>
      ))}
    </View>
  );
}
