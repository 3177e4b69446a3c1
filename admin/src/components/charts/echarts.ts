/**
 * ECharts core with the pieces every chart needs (canvas renderer, grid, tooltip, legend, title).
 * Chart types are registered by the component that uses them, e.g. `use([LineChart])`, so each
 * page only ships the chart code it draws.
 */
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';

use([CanvasRenderer, GridComponent, LegendComponent, TitleComponent, TooltipComponent]);

export { use };
export type { ComposeOption, EChartsCoreOption } from 'echarts/core';
export type {
  GridComponentOption,
  LegendComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
