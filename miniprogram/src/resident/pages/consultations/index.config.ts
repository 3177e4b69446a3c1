export default definePageConfig({
  navigationBarTitleText: '议事协商',
  enablePullDownRefresh: true,
});
