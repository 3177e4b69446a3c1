export default definePageConfig({
  navigationBarTitleText: '问卷与评议',
  enablePullDownRefresh: true,
});
