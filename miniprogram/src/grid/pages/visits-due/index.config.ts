export default definePageConfig({
  navigationBarTitleText: '走访待办',
  enablePullDownRefresh: true,
});
