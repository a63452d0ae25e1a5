/**
 * @module The per-day chart of a report, drawn with uPlot. Loaded on demand by the reports page, so
 * uPlot (about 20 KB gzipped) is fetched by admins who open reports and nobody else.
 */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Report } from '@parley/shared';

const HEIGHT = 240;

export function ReportChart({ perDay }: { perDay: Report['perDay'] }) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const labels = perDay.map((d) => d.date.slice(5));
    const xs = perDay.map((_d, i) => i);
    const bars = uPlot.paths.bars?.({ size: [0.6, 60] });
    const options: uPlot.Options = {
      width: Math.max(280, element.clientWidth),
      height: HEIGHT,
      legend: { show: false },
      cursor: { show: false },
      scales: {
        // one day alone still gets a visible slot
        x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] },
        y: { range: (_u, _min, max) => [0, Math.max(1, max)] },
      },
      axes: [
        { values: (_u, splits) => splits.map((i) => (Number.isInteger(i) ? (labels[i] ?? '') : '')) },
        { label: 'Conversations' },
      ],
      series: [
        {},
        {
          label: 'Conversations',
          stroke: '#2f6fde',
          fill: 'rgba(47, 111, 222, 0.35)',
          ...(bars ? { paths: bars } : {}),
        },
        { label: 'Missed', stroke: '#b42318', width: 2, points: { show: true, size: 7 } },
      ],
    };
    const data: uPlot.AlignedData = [
      xs,
      perDay.map((d) => d.figures.conversations),
      perDay.map((d) => d.figures.missed),
    ];
    const chart = new uPlot(options, data, element);
    const resize = () => chart.setSize({ width: Math.max(280, element.clientWidth), height: HEIGHT });
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.destroy();
    };
  }, [perDay]);

  return <div ref={container} class="report-chart__canvas" />;
}
