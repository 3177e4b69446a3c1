import type { Role } from '@zhili/shared';
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { MpProfile } from '../services/api';
import { hasRole } from '../utils/roles';
import { Icon } from './Icon';
import './StateView.css';

interface RoleGateProps {
  profile: MpProfile;
  role: Role;
  /** Headline when the role is missing, e.g. 需由党组织绑定党员身份后使用. */
  title: string;
  /** How the role gets bound, in plain words. */
  explanation: string;
  children: ReactNode;
}

/** Shows children only to users who hold `role`; others learn how to get it. */
export function RoleGate({ profile, role, title, explanation, children }: RoleGateProps) {
  if (hasRole(profile.roles, role)) return <>{children}</>;
  return (
    <View className="state-box" id="role-gate">
      <View className="state-box__mark">
        <Icon name="lock" className="state-box__icon" />
      </View>
      <Text className="state-box__title">{title}</Text>
      <Text className="state-box__desc">{explanation}</Text>
    </View>
  );
}
