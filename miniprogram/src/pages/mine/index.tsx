import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Heading } from '../../components/a11y/Heading';
import { Screen } from '../../components/a11y/Screen';
import { Toggle } from '../../components/a11y/Toggle';
import { UserCard } from '../../components/UserCard';
import { WithProfile } from '../../components/WithProfile';
import { useDisplay } from '../../hooks/useDisplay';
import { useProfile } from '../../hooks/useProfile';
import { logout } from '../../services/auth';
import { ListGroup, ListRow } from '../../components/ListRows';
import { NavigationFailure } from '../../components/NavigationFailure';
import { Button } from '../../ui/nutui';
import { display } from '../../utils/a11y/display';
import { roleNames } from '../../utils/roles';
import { routes } from '../../utils/routes';
import { openPage } from '../../utils/navigate';
import { tilesFor } from '../../utils/service-tiles';
import { NicknameEditor } from './NicknameEditor';
import { PhoneRow } from './PhoneRow';
import { BINDING_PAGE } from '../binding/route';
import './index.css';

/** 长辈模式 (MIIT elderly mode): larger text and targets, a home with only the main tasks. */
function ElderModeSwitch() {
  const { elder } = useDisplay();
  return (
    <View className="section">
      <Heading>显示</Heading>
      <View className="list-group mine__display">
        <Toggle id="mine-elder-mode" label="长辈模式" checked={elder} onChange={(on) => display.setElder(on)} />
        <Text className="mine__display-hint">
          开启后字体和按钮更大，首页只保留报问题、我的上报和通知。只对本账号生效。
        </Text>
      </View>
    </View>
  );
}

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
    <Screen className="mine">
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
            <ElderModeSwitch />
            <View className="section">
              <Heading>个人信息</Heading>
              <ListGroup>
                <ListRow
                  id="mine-edit-nickname"
                  title="昵称"
                  value={<Text className="mine__nickname">{profile.nickname}</Text>}
                  role="button"
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
              <Heading>我的服务</Heading>
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
    </Screen>
  );
}
