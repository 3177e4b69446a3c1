import type { Role } from '@zhili/shared/client';
import { Text, View } from '@tarojs/components';
import { Tappable } from '../../components/a11y/Tappable';
import { Icon } from '../../components/Icon';
import { openPage } from '../../utils/navigate';
import { tilesFor } from '../../utils/service-tiles';

/** The services of the person's roles (roles from the profile; [] when signed out). */
export function ServiceTiles({ roles }: { roles: readonly Role[] }) {
  return (
    <View className="tiles" id="home-tiles">
      {tilesFor(roles).map((tile) => (
        <Tappable
          key={tile.key}
          id={`tile-${tile.key}`}
          role="link"
          className="tiles__item"
          hoverClass="tiles__item--hover"
          onPress={() => openPage(tile.url)}
        >
          <View className={`tiles__badge tiles__badge--${tile.icon}`}>
            <Icon name={`tile-${tile.icon}`} className="tiles__icon" />
          </View>
          <Text className="tiles__title">{tile.title}</Text>
          <Text className="tiles__subtitle">{tile.subtitle}</Text>
        </Tappable>
      ))}
    </View>
  );
}
