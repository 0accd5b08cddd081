/**
 * Keyboard-reachable tooltips for an ECharts chart: the chart takes focus (Tab), the arrow keys
 * step through the first series' points (Home and End jump to the ends) and show each point's
 * tooltip, as hovering would; Escape or leaving hides it.
 */
import type { ECharts } from 'echarts/core';

export function keyboardTooltips(element: HTMLElement, chart: ECharts): () => void {
  let index = -1;
  const count = (): number => {
    const series = (chart.getOption() as { series?: { data?: unknown[] }[] }).series ?? [];
    return series[0]?.data?.length ?? 0;
  };
  const show = (): void => chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: index });
  const onKey = (event: KeyboardEvent): void => {
    const n = count();
    if (n === 0) return;
    if (event.key === 'ArrowRight' || event.key === 'ArrowUp') index = Math.min(n - 1, index + 1);
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowDown') index = Math.max(0, index < 0 ? n - 1 : index - 1);
    else if (event.key === 'Home') index = 0;
    else if (event.key === 'End') index = n - 1;
    else if (event.key === 'Escape') {
      chart.dispatchAction({ type: 'hideTip' });
      return;
    } else return;
    event.preventDefault();
    show();
  };
  const onBlur = (): void => chart.dispatchAction({ type: 'hideTip' });
  element.tabIndex = 0;
  element.addEventListener('keydown', onKey);
  element.addEventListener('blur', onBlur);
  return () => {
    element.removeEventListener('keydown', onKey);
    element.removeEventListener('blur', onBlur);
  };
}
