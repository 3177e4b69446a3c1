import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { UserCard } from '../../components/UserCard';
import { WithProfile } from '../../components/WithProfile';
import { useProfile } from '../../hooks/useProfile';
import { logout } from '../../services/auth';
import { ListGroup, ListRow } from '../../components/ListRows';
import { NavigationFailure } from '../../components/NavigationFailure';
import { Button } from '../../ui/nutui';
import { roleNames } from '../../utils/roles';
import { routes } from '../../utils/routes';
import { openPage } from '../../utils/navigate';
import { tilesFor } from '../../utils/service-tiles';
import { NicknameEditor } from './NicknameEditor';
import { PhoneRow } from './PhoneRow';
import { BINDING_PAGE } from '../binding/route';
import './index.css';

export default function Mine() {
  const [state, reload] = useProfile();
  const [editing, setEditing] = useState(false);

  const confirmLogout = async () => {
    const { confirm } = await Taro.showModal({
      title: '退出登录',
      content: '退出后需重新登录才能使用各项服务，确定退出吗？',
      confirmText: '退出',
      confirmColor: '#c8161d',
    });
    if (!confirm) return;
    logout();
    setEditing(false);
    void Taro.switchTab({ url: routes.home });
  };

  return (
    <View className="page mine">
      <WithProfile state={state} reload={reload}>
        {(profile) => (
          <View>
            <UserCard profile={profile} />
            {editing ? (
              <View className="section">
                <NicknameEditor
                  current={profile.nickname}
                  onCancel={() => setEditing(false)}
                  onSaved={() => {
                    setEditing(false);
                    void reload();
                  }}
                />
              </View>
            ) : null}
            <View className="section">
              <ListGroup>
                <ListRow
                  id="mine-edit-nickname"
                  title="昵称"
                  value={<Text className="mine__nickname">{profile.nickname}</Text>}
                  onClick={() => setEditing(true)}
                />
                <ListRow title="身份" value={roleNames(profile.roles).join('、')} />
                {profile.region ? <ListRow title="所属区域" value={profile.region.name} /> : null}
                <PhoneRow phoneMasked={profile.phoneMasked} onBound={() => void reload()} />
                <ListRow
                  id="mine-binding"
                  title="身份绑定"
                  value="输入绑定码"
                  onClick={() => void Taro.navigateTo({ url: BINDING_PAGE })}
                />
              </ListGroup>
              <Text className="mine__privacy">
                手机号经微信授权获取，仅用于核实身份和办事联系；加密保存，页面只显示部分号码，工作人员查看完整号码会被记录。
              </Text>
            </View>
            <View className="section">
              <ListGroup>
                {/* The same services as the home tiles, for the same roles; 身份绑定 is listed above. */}
                {tilesFor(profile.roles)
                  .filter((tile) => tile.key !== 'binding')
                  .map((tile) => (
                    <ListRow
                      key={tile.key}
                      id={`mine-${tile.key}`}
                      title={tile.title}
                      onClick={() => openPage(tile.url)}
                    />
                  ))}
              </ListGroup>
            </View>
            <View className="section mine__logout">
              <Button id="mine-logout" block fill="outline" type="primary" onClick={() => void confirmLogout()}>
                退出登录
              </Button>
            </View>
          </View>
        )}
      </WithProfile>
      <NavigationFailure />
    </View>
  );
}
