export default definePageConfig({
  navigationBarTitleText: '网上党校',
  enablePullDownRefresh: true,
});
