import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useEffect } from 'react';
import { educationLabels, memberCategoryLabels, type MyPartyMemberVO } from '@zhili/shared/client';
import { Heading } from '../../../components/a11y/Heading';
import { Screen } from '../../../components/a11y/Screen';
import { ListGroup, ListRow } from '../../../components/ListRows';
import { EmptyState } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';
import { Button } from '../../../ui/nutui';
import { routes } from '../../../utils/routes';
import { PartyState } from '../../components/PartyState';
import { fetchPartyHome } from '../../services/party-api';
import '../../components/party.css';

function FileRows({ member }: { member: MyPartyMemberVO }) {
  const f = member.file;
  return (
    <View>
      <ListGroup label="党籍信息">
        <ListRow id="party-file-name" title="姓名" value={f.name} />
        <ListRow id="party-file-category" title="党员类别" value={memberCategoryLabels[f.category]} />
        <ListRow title="所在支部" value={member.branch.name} />
        <ListRow title="入党日期" value={f.joinedOn} />
        <ListRow title="转正日期" value={f.convertedOn ?? (f.category === 'probationary' ? '预备期中' : '—')} />
        <ListRow title="党内职务" value={f.position ?? '—'} />
      </ListGroup>
      <View className="section">
        <ListGroup label="个人信息">
          <ListRow title="学历" value={f.education ? educationLabels[f.education] : '—'} />
          <ListRow title="工作单位" value={f.workUnit ?? '—'} />
          <ListRow id="party-file-phone" title="联系电话" value={f.phone ?? '未登记'} />
          <ListRow id="party-file-id" title="身份证号" value={f.idNumber ?? '未登记'} />
        </ListGroup>
      </View>
      <Text className="party-text party-text--muted section">
        证件号码、电话已隐去部分数字。信息有误请联系支部书记更正。
      </Text>
    </View>
  );
}

/** My member file, as the branch keeps it, with the numbers masked. */
export default function PartyFile() {
  const [state, reload] = useAsync(fetchPartyHome);
  useEffect(() => void reload(), [reload]);
  return (
    <Screen dataTest="party-file">
      <PartyState state={state} reload={() => void reload()}>
        {(home) =>
          home.member ? (
            <View>
              <Heading>我的党员档案</Heading>
              <FileRows member={home.member} />
            </View>
          ) : (
            <View>
              <EmptyState title="没有找到你的党员档案" description="党员档案由所在党支部建立并关联账号。" />
              <Button block type="primary" onClick={() => void Taro.redirectTo({ url: routes.partyHome })}>
                返回党员之家
              </Button>
            </View>
          )
        }
      </PartyState>
    </Screen>
  );
}
