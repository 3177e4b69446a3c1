export default definePageConfig({
  navigationBarTitleText: '户信息',
});
