/** Route of the 身份绑定 page (main package: residents reach it from 我的 before having any role). */
export const BINDING_PAGE = '/pages/binding/index';
