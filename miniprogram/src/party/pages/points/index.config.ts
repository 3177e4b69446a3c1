export default definePageConfig({
  navigationBarTitleText: '我的学习积分',
  enablePullDownRefresh: true,
});
