import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { serviceEntries } from '../../utils/routes';

/** Grid of the role services; each opens its subpackage. */
export function ServiceTiles() {
  return (
    <View className='tiles'>
      {serviceEntries.map((entry) => (
        <View
          key={entry.key}
          id={`tile-${entry.key}`}
          className='tiles__item'
          hoverClass='tiles__item--hover'
          onClick={() => void Taro.navigateTo({ url: entry.url })}
        >
          <View className={`tiles__badge tiles__badge--${entry.key}`}>{entry.badge}</View>
          <Text className='tiles__title'>{entry.title}</Text>
          <Text className='tiles__subtitle'>{entry.subtitle}</Text>
        </View>
      ))}
    </View>
  );
}
