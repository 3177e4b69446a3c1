export default definePageConfig({
  navigationBarTitleText: '党员之家',
  enablePullDownRefresh: true,
});
