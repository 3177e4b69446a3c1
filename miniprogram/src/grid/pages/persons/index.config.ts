export default definePageConfig({
  navigationBarTitleText: '人员查询',
  enablePullDownRefresh: true,
});
