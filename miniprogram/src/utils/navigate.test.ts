import Taro from '@tarojs/taro';
import {
  currentNavigationFailure,
  dismissNavigationFailure,
  isChunkLoadError,
  onNavigationFailure,
  openPage,
  retryNavigation,
  type NavigationFailure,
} from './navigate';

type NavigateOption = Parameters<typeof Taro.navigateTo>[0];

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('page navigation failures', () => {
  let network: 'wifi' | 'none';
  let opened: string[];
  let failNext: string | null;
  let seen: (NavigationFailure | null)[];
  let unsubscribe: () => void;

  beforeEach(() => {
    network = 'wifi';
    opened = [];
    failNext = null;
    seen = [];
    dismissNavigationFailure();
    unsubscribe = onNavigationFailure((f) => seen.push(f));
    jest
      .spyOn(Taro, 'getNetworkType')
      .mockImplementation(
        () =>
          Promise.resolve({ networkType: network, errMsg: 'getNetworkType:ok' }) as ReturnType<
            typeof Taro.getNetworkType
          >,
      );
    // Like WeChat: with a fail callback the failure goes there (subpackage download fails offline).
    jest.spyOn(Taro, 'navigateTo').mockImplementation((option: NavigateOption) => {
      if (failNext) {
        option.fail?.({ errMsg: failNext });
        failNext = null;
      } else {
        opened.push(option.url);
      }
      return Promise.resolve({ errMsg: 'navigateTo:ok' }) as ReturnType<typeof Taro.navigateTo>;
    });
  });
  afterEach(() => {
    unsubscribe();
    jest.restoreAllMocks();
  });

  it('recognises webpack JS and CSS chunk failures and nothing else', () => {
    const js = Object.assign(new Error('Loading chunk 812 failed.\n(error: http://x/h5/js/812.js)'), {
      name: 'ChunkLoadError',
    });
    const css = Object.assign(new Error('Loading CSS chunk 812 failed.\n(/h5/css/812.css)'), {
      code: 'CSS_CHUNK_LOAD_FAILED',
    });
    expect(isChunkLoadError(js)).toBe(true);
    expect(isChunkLoadError(css)).toBe(true);
    expect(isChunkLoadError(new Error('Loading CSS chunk grid-pages-tasks-index failed.'))).toBe(true);
    expect(isChunkLoadError(new Error('Network request failed'))).toBe(false);
    expect(isChunkLoadError(new TypeError("Cannot read properties of undefined (reading 'chunk')"))).toBe(false);
    expect(isChunkLoadError('Loading chunk 1 failed.')).toBe(false);
    expect(isChunkLoadError(null)).toBe(false);
  });

  it('opens the page when navigation works, reporting nothing', async () => {
    openPage('/grid/pages/tasks/index');
    await flush();
    expect(opened).toEqual(['/grid/pages/tasks/index']);
    expect(seen).toEqual([]);
  });

  it('reports an offline failure and retries the same page once the network is back', async () => {
    network = 'none';
    failNext = 'navigateTo:fail loadSubpackage: fail';
    openPage('/grid/pages/tasks/index');
    await flush();
    expect(currentNavigationFailure()).toEqual({
      url: '/grid/pages/tasks/index',
      offline: true,
      reason: 'navigateTo:fail loadSubpackage: fail',
    });

    // 重试 while still offline: the failure stays, nothing is attempted.
    await retryNavigation();
    expect(opened).toEqual([]);
    expect(currentNavigationFailure()?.offline).toBe(true);

    network = 'wifi';
    await retryNavigation();
    await flush();
    expect(opened).toEqual(['/grid/pages/tasks/index']);
    expect(currentNavigationFailure()).toBeNull();
    expect(seen[seen.length - 1]).toBeNull();
  });

  it('tells an online failure apart from an offline one', async () => {
    failNext = 'navigateTo:fail page "grid/pages/nope/index" is not found';
    openPage('/grid/pages/nope/index');
    await flush();
    expect(currentNavigationFailure()).toMatchObject({ offline: false, reason: expect.stringContaining('not found') });
    dismissNavigationFailure();
    expect(currentNavigationFailure()).toBeNull();
  });
});
