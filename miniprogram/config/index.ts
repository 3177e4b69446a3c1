import path from 'node:path';
import { defineConfig } from '@tarojs/cli';
import type { IProjectConfig } from '@tarojs/taro/types/compile';
import type Chain from 'webpack-chain';
import devConfig from './dev';
import prodConfig from './prod';
import { buildConstants, isH5Build } from './constants';

/** Compiled @zhili/shared (tsc ESM output, extensionless relative imports, ES2021 syntax). */
const sharedDist = path.resolve(__dirname, '../..', 'shared/dist');

/** This workspace's own node_modules (npm nests packages here when their peers clash with the root). */
const ownNodeModules = path.resolve(__dirname, '..', 'node_modules');

/**
 * npm nests @tarojs/plugin-framework-react under miniprogram/node_modules (its optional peer vite@4
 * clashes with the admin's vite at the root), where hoisted @tarojs/taro-h5 cannot find it.
 * Look there too, after the usual hierarchical lookup.
 */
function resolveFromOwnNodeModules(chain: Chain): void {
  chain.resolve.modules.add('node_modules').add(ownNodeModules);
}

/**
 * @zhili/shared's ESM build sits under a package.json with `"type": "module"` and imports
 * `./api/errors` without an extension; webpack would insist on fully specified paths there.
 */
function allowExtensionlessSharedImports(chain: Chain): void {
  chain.module
    .rule('zhili-shared-esm')
    .test(/\.m?js$/)
    .include.add(sharedDist)
    .end()
    .resolve.set('fullySpecified', false);
}

export default defineConfig<'webpack5'>(async (merge) => {
  const h5 = isH5Build();
  const baseConfig: IProjectConfig<'webpack5'> = {
    projectName: 'zhili-miniprogram',
    date: '2025-1-1',
    // NutUI React Taro is drawn on a 375 px design; our own styles on Taro's default 750.
    designWidth(input) {
      const file = typeof input === 'object' && input !== null ? input.file : undefined;
      if (file?.replace(/\\+/g, '/').includes('@nutui')) return 375;
      return 750;
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: h5 ? 'dist-h5' : 'dist',
    // weapp-aria-plugin: lets aria-role / aria-label reach WeChat (components/a11y).
    plugins: ['@tarojs/plugin-html', path.resolve(__dirname, 'weapp-aria-plugin.ts')],
    defineConstants: buildConstants(),
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      // Transpile the shared package like our own sources (optional chaining etc. for old WeChat).
      compile: { include: [sharedDist] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
      miniCssExtractPluginOption: { ignoreOrder: true },
      optimizeMainPackage: { enable: true },
      webpackChain(chain) {
        resolveFromOwnNodeModules(chain);
        allowExtensionlessSharedImports(chain);
      },
    },
    h5: {
      publicPath: '/h5/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedDist] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
      devServer: {
        port: 10086,
        proxy: { '/api': { target: 'http://127.0.0.1:7001', changeOrigin: false } },
      },
      webpackChain(chain) {
        resolveFromOwnNodeModules(chain);
        allowExtensionlessSharedImports(chain);
        // React + Taro's web components alone are ~250 KB; warn only well above that.
        chain.performance.maxAssetSize(512 * 1024).maxEntrypointSize(768 * 1024);
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
