import type { Role } from '@zhili/shared';
import { Text, View } from '@tarojs/components';
import { Icon } from '../../components/Icon';
import { openPage } from '../../utils/navigate';
import { tilesFor } from '../../utils/service-tiles';

/** The services of the person's roles (roles from the profile; [] when signed out). */
export function ServiceTiles({ roles }: { roles: readonly Role[] }) {
  return (
    <View className="tiles" id="home-tiles">
      {tilesFor(roles).map((tile) => (
        <View
          key={tile.key}
          id={`tile-${tile.key}`}
          className="tiles__item"
          hoverClass="tiles__item--hover"
          onClick={() => openPage(tile.url)}
        >
          <View className={`tiles__badge tiles__badge--${tile.icon}`}>
            <Icon name={`tile-${tile.icon}`} className="tiles__icon" />
          </View>
          <Text className="tiles__title">{tile.title}</Text>
          <Text className="tiles__subtitle">{tile.subtitle}</Text>
        </View>
      ))}
    </View>
  );
}
