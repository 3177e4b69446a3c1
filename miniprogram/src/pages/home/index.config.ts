export default definePageConfig({
  navigationBarTitleText: '智理',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
