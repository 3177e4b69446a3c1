import { Text, View } from '@tarojs/components';
import type { MpProfile } from '../services/api';
import { roleNames } from '../utils/roles';
import './UserCard.css';

/** Nickname, roles and bound phone of the signed-in user. */
export function UserCard({ profile }: { profile: MpProfile }) {
  return (
    <View className="user-card">
      <View className="user-card__avatar">{profile.nickname.slice(0, 1) || '智'}</View>
      <View className="user-card__body">
        <Text className="user-card__name">{profile.nickname}</Text>
        <View className="user-card__roles">
          {roleNames(profile.roles).map((name) => (
            <Text key={name} className="user-card__role">
              {name}
            </Text>
          ))}
        </View>
        <Text className="user-card__phone">手机号：{profile.phoneMasked ?? '未绑定'}</Text>
      </View>
    </View>
  );
}
