export default definePageConfig({
  navigationBarTitleText: '户籍查询',
  enablePullDownRefresh: true,
});
