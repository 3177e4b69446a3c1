import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import { mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { Permission } from '@zhili/shared';
import { isMenuGroup, menuTree } from '@/router/menu';
import { useAuthStore } from '@/stores/auth';
import SideMenu from './SideMenu.vue';

const Page = defineComponent({ render: () => h('div') });
const leaves = menuTree.flatMap((entry) => (isMenuGroup(entry) ? entry.children : [entry]));
const stubs = {
  'el-scrollbar': { template: '<div><slot /></div>' },
  'el-icon': { template: '<i><slot /></i>' },
};

let router: Router;
let wrapper: VueWrapper;

async function mountAt(path: string, permissions: Permission[]): Promise<void> {
  // The store reads the signed-in profile from localStorage when it is created.
  localStorage.setItem(
    'zhili.admin.profile',
    JSON.stringify({
      id: 'u1',
      username: 'clerk',
      displayName: '测试员',
      roles: ['town_admin'],
      mustChangePassword: false,
      passwordExpired: false,
      mfaEnabled: true,
      mfaRequired: true,
      regionId: null,
      regionName: null,
      permissions,
    }),
  );
  const pinia = createPinia();
  setActivePinia(pinia);
  expect(useAuthStore().permissions.size).toBe(permissions.length);
  router = createRouter({
    history: createMemoryHistory(),
    routes: leaves.map((leaf) => ({ path: `/${leaf.routeName}`, name: leaf.routeName, component: Page })),
  });
  await router.push(path);
  wrapper = mount(SideMenu, {
    props: { collapsed: false },
    global: { plugins: [pinia, router], stubs },
    attachTo: document.body,
  });
  await nextTick();
}

const focused = () => document.activeElement as HTMLElement;
async function press(key: string): Promise<void> {
  focused().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  await nextTick();
  await nextTick();
}

beforeEach(() => localStorage.clear());
afterEach(() => wrapper?.unmount());

describe('SideMenu', () => {
  it('lists pages as links and groups as buttons, with the current page marked and its group open', async () => {
    await mountAt('/cases-inbox', [Permission.CaseRead, Permission.PersonRead]);
    const nav = wrapper.get('nav[aria-label="主菜单"]');
    const inbox = nav.get('[data-testid="menu-cases-inbox"]');
    expect(inbox.element.tagName).toBe('A');
    expect(inbox.attributes('href')).toBe('/cases-inbox');
    expect(inbox.attributes('aria-current')).toBe('page');
    const cases = nav.get('[data-testid="menu-cases"]');
    expect(cases.element.tagName).toBe('BUTTON');
    expect(cases.attributes('aria-expanded')).toBe('true');
    const registry = nav.get('[data-testid="menu-registry"]');
    expect(registry.attributes('aria-expanded')).toBe('false');
    // Nothing in the menu is taken out of the Tab order.
    expect(nav.findAll('[tabindex="-1"]')).toHaveLength(0);
  });

  it('moves with the arrow keys, opens a group with → and goes back to it with ←', async () => {
    await mountAt('/dashboard', [Permission.CaseRead, Permission.PersonRead]);
    const nav = wrapper.get('nav');
    (nav.get('[data-testid="menu-dashboard"]').element as HTMLElement).focus();
    await press('ArrowDown');
    expect(focused().dataset.testid).toBe('menu-cases');
    await press('ArrowDown');
    expect(focused().dataset.testid).toBe('menu-registry'); // the closed group's pages are skipped
    await press('ArrowUp');
    await press('ArrowRight');
    expect(focused().getAttribute('aria-expanded')).toBe('true');
    await press('ArrowRight');
    expect(focused().dataset.testid).toBe('menu-cases-inbox');
    await press('ArrowDown');
    expect(focused().dataset.testid).toBe('menu-cases-map');
    await press('ArrowLeft');
    expect(focused().dataset.testid).toBe('menu-cases');
    await press('ArrowLeft');
    expect(focused().getAttribute('aria-expanded')).toBe('false');
    await press('End');
    expect(focused().dataset.testid).toBe('menu-registry');
    await press('Home');
    expect(focused().dataset.testid).toBe('menu-dashboard');
    await press('ArrowUp');
    expect(focused().dataset.testid).toBe('menu-registry'); // wraps around
  });
});
