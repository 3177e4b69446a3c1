import { Text, View } from '@tarojs/components';
import type { HealthReport } from '@zhili/shared';
import type { AsyncState } from '../../hooks/useAsync';

const dbNames: Record<HealthReport['db'], string> = { sqlite: 'SQLite', mysql: 'MySQL' };
const cacheNames: Record<HealthReport['cache'], string> = { memory: '内存', redis: 'Redis' };

function checkText(ok: boolean): string {
  return ok ? '正常' : '异常';
}

/** BFF health: 服务正常 / 服务降级 plus database and cache. */
export function HealthCard({ state }: { state: AsyncState<HealthReport> }) {
  const report = state.data;
  if (!report) {
    const text = state.status === 'error' ? '无法获取服务状态' : '正在检查服务状态…';
    return (
      <View className='card health' id='home-health' data-status={state.status === 'error' ? 'unreachable' : 'loading'}>
        <Text className='health__status health__status--unknown'>{text}</Text>
      </View>
    );
  }
  const ok = report.status === 'ok';
  return (
    <View className='card health' id='home-health' data-status={report.status}>
      <View className='health__head'>
        <View className={`health__dot ${ok ? 'health__dot--ok' : 'health__dot--degraded'}`} />
        <Text className='health__status'>{ok ? '服务正常' : '服务降级'}</Text>
        <Text className='health__version'>v{report.version}</Text>
      </View>
      <View className='health__rows'>
        <Text className='health__row'>
          数据库：{dbNames[report.db] ?? report.db} · {checkText(report.checks.db.ok)}
        </Text>
        <Text className='health__row'>
          缓存：{cacheNames[report.cache] ?? report.cache} · {checkText(report.checks.cache.ok)}
        </Text>
      </View>
    </View>
  );
}
