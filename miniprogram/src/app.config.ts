// Evaluated at build time by Taro (Node), so process.env is the build's environment.
const devLogin = process.env.TARO_ENV === 'h5' && process.env.TARO_APP_DEV_LOGIN === '1';

export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/mine/index',
    'pages/binding/index',
    ...(devLogin ? ['pages/dev-login/index'] : []),
  ],
  // One subpackage per role, so residents never download the party or grid code.
  subPackages: [
    {
      root: 'resident',
      pages: [
        'pages/cases/index',
        'pages/report/index',
        'pages/case/index',
        'pages/consultations/index',
        'pages/consultation/index',
      ],
    },
    {
      root: 'party',
      pages: [
        'pages/home/index',
        'pages/study/index',
        'pages/notices/index',
        'pages/notice/index',
        'pages/meetings/index',
        'pages/meeting/index',
        'pages/file/index',
        'pages/honours/index',
        'pages/contacts/index',
        'pages/surveys/index',
        'pages/survey/index',
        'pages/appraisal/index',
        'pages/course/index',
        'pages/lesson/index',
        'pages/points/index',
        'pages/ranking/index',
        'pages/exams/index',
        'pages/exam/index',
        'pages/practice/index',
        'pages/wrong-book/index',
        'pages/dues/index',
      ],
    },
    {
      root: 'grid',
      pages: [
        'pages/tasks/index',
        'pages/households/index',
        'pages/household/index',
        'pages/persons/index',
        'pages/person/index',
        'pages/visits-due/index',
        'pages/visit-new/index',
        'pages/case-tasks/index',
        'pages/case-task/index',
      ],
    },
  ],
  window: {
    // WeChat's default anyway; stated so Taro's h5 router also shows its navigation bar (back button).
    navigationStyle: 'default',
    navigationBarTitleText: '智理',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#5c6370',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab/mine.png',
        selectedIconPath: 'assets/tab/mine-active.png',
      },
    ],
  },
  // 随手拍 locates the problem (getLocation) or lets the resident pick it on the map (chooseLocation).
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: {
    'scope.userLocation': { desc: '用于确定您上报问题的位置以便转交所在网格处理，以及党员会议的定位签到' },
  },
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents',
});
