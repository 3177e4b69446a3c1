import type { Browser, Page } from 'playwright-core';
import type { PartyOrgVO, RegionVO } from '@zhili/shared';
import { E2E_ADMIN_PASSWORD, E2eStack } from './e2e-stack';
import { staffApi, staffFirstLogin, staffToken } from './staff-session';

export type StaffApi = ReturnType<typeof staffApi>;

/**
 * A town-level staff member who runs party affairs, signed in to the portal on a desktop-sized page:
 * the super admin creates the account (town_admin over the whole town), then it goes through its
 * own first login. The super admin's page is closed, so the portal page holds only this session.
 */
export async function townPartyStaff(
  stack: E2eStack,
  browser: Browser,
  username: string,
): Promise<{ page: Page; api: StaffApi }> {
  const setupContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const setup = await setupContext.newPage();
  await staffFirstLogin(setup, stack.bffUrl, {
    username: 'admin',
    password: E2E_ADMIN_PASSWORD,
    newPassword: 'Town-Hall-2026!',
    mfa: true,
  });
  const admin = staffApi(stack.bffUrl, await staffToken(setup));
  const town = (await admin<RegionVO[]>('GET', '/regions')).find((r) => r.level === 'town');
  if (!town) throw new Error('no town in the demo seed');
  const created = await admin<{ initialPassword: string }>('POST', '/users', {
    username,
    displayName: '镇党委组织委员',
    roles: ['town_admin'],
    regionId: town.id,
  });
  await setupContext.close();
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await staffFirstLogin(page, stack.bffUrl, {
    username,
    password: created.initialPassword,
    newPassword: 'Party-Admin-2026!',
    mfa: true,
  });
  return { page, api: staffApi(stack.bffUrl, await staffToken(page)) };
}

/** A fresh branch of its own for a test, under the town's committee (made if the seed has none). */
export async function newTestBranch(api: StaffApi, name: string): Promise<PartyOrgVO> {
  const orgs = await api<PartyOrgVO[]>('GET', '/party/orgs');
  const committee =
    orgs.find((o) => o.type === 'committee' && o.status === 'active') ??
    (await api<PartyOrgVO>('POST', '/party/orgs', {
      parentId: null,
      type: 'committee',
      name: '青山镇党委',
      foundedOn: '2010-07-01',
    }));
  return api<PartyOrgVO>('POST', '/party/orgs', {
    parentId: committee.id,
    type: 'branch',
    name,
    foundedOn: '2015-01-01',
  });
}
