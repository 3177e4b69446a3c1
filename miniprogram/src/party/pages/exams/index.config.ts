export default definePageConfig({
  navigationBarTitleText: '在线考试',
  enablePullDownRefresh: true,
});
