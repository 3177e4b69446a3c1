export default definePageConfig({
  navigationBarTitleText: '党费缴纳',
  enablePullDownRefresh: true,
});
