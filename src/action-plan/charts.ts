/**
 * The two charts of <compact-action-plan>, and the only module that imports chart.js.
 *
 * The element loads this module with a dynamic `import()` when a chart area nears the viewport, so a
 * page without charts never downloads chart.js. Only the pieces these two charts use are
 * registered (never `chart.js/auto`), which lets the bundler leave the rest of chart.js out.
 * Everything shown (labels, colours, fonts) is passed in: this module holds no text of its own.
 *
 * Tooltips follow WCAG 1.4.13 (content on hover): they never cover what they describe (beside the
 * ring or the bar, not on it), they stay while the pointer moves onto them, and Escape dismisses
 * them (`hideTooltip`, called by the element).
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
  type ActiveElement,
  type ChartType,
  type Plugin,
  type TooltipPositionerFunction,
} from 'chart.js';

declare module 'chart.js' {
  interface TooltipPositionerMap {
    beside: TooltipPositionerFunction<ChartType>;
  }
}

/** A tooltip's size before it is first drawn (Chart.js measures it after asking where it goes). */
const GUESS = { width: 140, height: 44 };
const GAP = 6;

/**
 * Where a tooltip goes: beside what it describes, never on it. A bar's tooltip sits below the bar
 * (above it for the bottom bars); a doughnut segment's to the side of the ring where there is room,
 * else in the hole in the middle.
 */
Tooltip.positioners.beside = function (items: readonly ActiveElement[]) {
  const item = items[0];
  if (!item) return false;
  const chart = this.chart;
  const width = this.width || GUESS.width;
  const height = this.height || GUESS.height;
  const area = chart.chartArea;
  const element = item.element as unknown as Record<string, number>;
  if ('outerRadius' in element) {
    const { x, y, outerRadius } = element as { x: number; y: number; outerRadius: number };
    if (x + outerRadius + GAP + width <= chart.width) return { x: x + outerRadius + GAP, y, xAlign: 'left', yAlign: 'center' };
    if (x - outerRadius - GAP - width >= 0) return { x: x - outerRadius - GAP, y, xAlign: 'right', yAlign: 'center' };
    return { x, y, xAlign: 'center', yAlign: 'center' };
  }
  // A horizontal bar: `x` is its end, `base` its start, `y` its middle, `height` its thickness.
  const { x, y, base, height: thickness } = element as { x: number; y: number; base: number; height: number };
  const middle = Math.min(Math.max((x + base) / 2, area.left + width / 2), area.right - width / 2);
  const below = y + thickness / 2 + GAP;
  return below + height <= chart.height
    ? { x: middle, y: below, xAlign: 'center', yAlign: 'top' }
    : { x: middle, y: y - thickness / 2 - GAP, xAlign: 'center', yAlign: 'bottom' };
};

/** Hoverable: while the pointer is over the tooltip, the tooltip stays as it is. */
const keepTooltipUnderPointer: Plugin = {
  id: 'compactKeepTooltipUnderPointer',
  beforeEvent(chart, args) {
    const { event } = args;
    const tooltip = chart.tooltip;
    if (event.type !== 'mousemove' || !tooltip || tooltip.getActiveElements().length === 0) return undefined;
    const { x, y } = event;
    if (x === null || y === null) return undefined;
    const over = x >= tooltip.x && x <= tooltip.x + tooltip.width && y >= tooltip.y && y <= tooltip.y + tooltip.height;
    return over ? false : undefined;
  },
};

Chart.register(DoughnutController, ArcElement, BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend, keepTooltipUnderPointer);

/** Escape: hides the chart's tooltip (and its highlight). True if there was one to hide. */
export function hideTooltip(chart: Chart): boolean {
  if (!chart.tooltip || chart.tooltip.getActiveElements().length === 0) return false;
  chart.tooltip.setActiveElements([], { x: 0, y: 0 });
  chart.setActiveElements([]);
  chart.update();
  return true;
}

export interface ChartLook {
  /** Text colour for labels and legend. */
  text: string;
  /** Grid line colour. */
  grid: string;
  /** The host page's font family. */
  font: string;
  /** Segment edges (the page background), so neighbouring segments stay apart. */
  background: string;
  /** False when the reader prefers reduced motion. */
  animate: boolean;
}

export interface StatusChartData {
  labels: string[];
  values: number[];
  colours: string[];
}

export interface AimChartData {
  /** The aims' titles, wrapped here to fit the width. */
  labels: string[];
  /** Percent, or null where an aim has no progress figures. */
  values: (number | null)[];
  colour: string;
  /** The dataset's name in the tooltip ("Progress"). */
  name: string;
}

export type { Chart };

function common(look: ChartLook) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: look.animate ? undefined : (false as const),
    color: look.text,
    font: { family: look.font },
  };
}

export function drawStatusChart(canvas: HTMLCanvasElement, data: StatusChartData, look: ChartLook): Chart {
  return new Chart(canvas, {
    type: 'doughnut',
    data: {
      labels: data.labels,
      datasets: [
        {
          data: data.values,
          backgroundColor: data.colours,
          borderColor: look.background,
          borderWidth: 2,
        },
      ],
    },
    options: {
      ...common(look),
      cutout: '55%',
      plugins: {
        legend: {
          position: 'bottom',
          labels: { color: look.text, font: { family: look.font, size: 14 } },
        },
        tooltip: { position: 'beside', bodyFont: { family: look.font }, titleFont: { family: look.font } },
      },
    },
  });
}

export function drawAimChart(canvas: HTMLCanvasElement, data: AimChartData, look: ChartLook): Chart {
  // The chart is as tall as its aims need. Chart.js sizes a responsive canvas from its container,
  // so the container gets the height, through the CSSOM (which a strict CSP allows, as it does for
  // chart.js's own sizing; style attributes in markup it would block).
  const container = canvas.parentElement;
  const width = container?.clientWidth ?? 600;
  // Labels take up to about 45% of the width (roughly 7px a character), in two or three lines.
  const narrow = width < 500;
  const labels = data.labels.map((t) => wrapLabel(t, Math.max(14, Math.min(40, Math.floor((width * 0.45) / 7))), narrow ? 3 : 2));
  const lines = labels.reduce((n, label) => n + label.length, 0);
  if (container) container.style.height = `${lines * 16 + labels.length * 12 + 48}px`;
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: [{ label: data.name, data: data.values, backgroundColor: data.colour, maxBarThickness: 28 }],
    },
    options: {
      ...common(look),
      indexAxis: 'y',
      scales: {
        x: {
          min: 0,
          max: 100,
          ticks: { color: look.text, font: { family: look.font }, callback: (value) => `${value}%` },
          grid: { color: look.grid },
        },
        y: {
          ticks: { color: look.text, font: { family: look.font, size: narrow ? 12 : 13 }, autoSkip: false },
          grid: { display: false },
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          position: 'beside',
          bodyFont: { family: look.font },
          titleFont: { family: look.font },
          callbacks: { label: (item) => `${data.name}: ${item.parsed.x}%` },
        },
      },
    },
  });
}

/** Splits a title into lines of at most `width` characters, `maxLines` at most (the last one cut with "…"). */
function wrapLabel(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
  return kept;
}
