export default definePageConfig({
  navigationBarTitleText: '党员通讯录',
  enablePullDownRefresh: true,
});
