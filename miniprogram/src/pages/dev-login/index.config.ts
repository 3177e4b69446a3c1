export default definePageConfig({
  navigationBarTitleText: '测试登录',
});
