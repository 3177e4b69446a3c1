import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import { defineConfig, loadEnv } from 'vite';
import vue from '@vitejs/plugin-vue';
import AutoImport from 'unplugin-auto-import/vite';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';

/**
 * Element Plus components (and their theme-chalk CSS) used only by the management pages: tables,
 * trees, pickers, selects. The login page, the layout and the dashboard do not load them.
 */
const elementPlusData = [
  'table',
  'table-column',
  'date-picker',
  'date-picker-panel',
  'time-picker',
  'time-select',
  'tree',
  'tree-select',
  'pagination',
  'descriptions',
  'descriptions-item',
  'select',
  'select-dropdown',
  'option',
  'option-group',
  'checkbox',
  'checkbox-group',
  'checkbox-button',
  'radio',
  'radio-group',
  'radio-button',
  'empty',
  'loading',
].join('|');
const elementPlusDataTest = new RegExp(
  `[\\\\/]node_modules[\\\\/](element-plus[\\\\/](es[\\\\/]components[\\\\/](${elementPlusData})[\\\\/]|theme-chalk[\\\\/]el-(${elementPlusData})\\.css$)|dayjs[\\\\/])`,
);

/**
 * Vendor chunk groups. The entry only carries Vue + router + Pinia + the app shell; Element Plus,
 * ECharts and socket.io are loaded by the route chunks that need them, and Element Plus's data
 * components by the management pages only.
 */
const vendorGroups = [
  {
    // Bundler runtime helpers go with the framework so no lazy vendor chunk becomes an initial import.
    name: 'vue',
    test: /[\\/]node_modules[\\/](@vue|vue|vue-router|pinia|vue-demi|@oxc-project[\\/]runtime|@babel[\\/]runtime)[\\/]/,
    priority: 30,
  },
  {
    name: 'echarts',
    test: /[\\/]node_modules[\\/](echarts|zrender|vue-echarts|tslib)[\\/]/,
    priority: 20,
  },
  {
    name: 'socket',
    test: /[\\/]node_modules[\\/](socket\.io-client|socket\.io-parser|engine\.io-client|engine\.io-parser|@socket\.io|xmlhttprequest-ssl)[\\/]/,
    priority: 20,
  },
  {
    name: 'element-plus-data',
    test: elementPlusDataTest,
    priority: 15,
    // Only these components: their shared dependencies (utils, lodash, popper) stay in the core
    // group, so the core never imports from this chunk.
    includeDependenciesRecursively: false,
  },
  {
    name: 'element-plus',
    test: /[\\/]node_modules[\\/](element-plus|@element-plus|@vueuse|@floating-ui|@popperjs|@ctrl|lodash-es|lodash-unified|dayjs|async-validator|memoize-one|normalize-wheel-es)[\\/]/,
    priority: 10,
  },
];

/**
 * Every Element Plus `style/css` entry, for dev pre-bundling: the resolver imports them on demand,
 * and listing them up front spares the dev server a re-optimise + full reload per new component.
 */
function elementPlusStyleEntries(): string[] {
  const root = dirname(createRequire(import.meta.url).resolve('element-plus/package.json'));
  const components = join(root, 'es', 'components');
  return readdirSync(components)
    .filter((name) => existsSync(join(components, name, 'style', 'css.mjs')))
    .map((name) => `element-plus/es/components/${name}/style/css`);
}

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), '');
  const bffTarget = env.ZHILI_BFF_URL || 'http://127.0.0.1:7001';

  return {
    base: '/admin/',
    plugins: [
      vue(),
      AutoImport({
        resolvers: [ElementPlusResolver()],
        dts: 'src/types/auto-imports.d.ts',
      }),
      Components({
        dirs: [], // local components are imported explicitly
        resolvers: [ElementPlusResolver({ importStyle: 'css' })],
        dts: 'src/types/components.d.ts',
      }),
    ],
    // Pre-bundle everything lazy routes pull in, so the dev server does not re-optimise (and
    // reload the page) the first time a route is opened.
    optimizeDeps: {
      include: [
        'vue',
        'vue-router',
        'pinia',
        'element-plus/es',
        ...elementPlusStyleEntries(),
        'element-plus/es/locale/lang/zh-cn',
        '@element-plus/icons-vue',
        'echarts/core',
        'echarts/charts',
        'echarts/components',
        'echarts/renderers',
        'vue-echarts',
        'socket.io-client',
        '@amap/amap-jsapi-loader',
      ],
    },
    resolve: {
      alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
    },
    server: {
      host: '127.0.0.1',
      port: 5173,
      proxy: {
        '/api': { target: bffTarget, changeOrigin: true },
        '/socket.io': { target: bffTarget, changeOrigin: true, ws: true },
      },
    },
    preview: {
      proxy: {
        '/api': { target: bffTarget, changeOrigin: true },
        '/socket.io': { target: bffTarget, changeOrigin: true, ws: true },
      },
    },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      chunkSizeWarningLimit: 800,
      rolldownOptions: {
        output: {
          codeSplitting: { groups: vendorGroups },
        },
      },
    },
  };
});
