/**
 * The two charts of <compact-action-plan>, and the only module that imports chart.js.
 *
 * The element loads this module with a dynamic `import()` when a chart area nears the viewport, so a
 * page without charts never downloads chart.js. Only the pieces these two charts use are
 * registered (never `chart.js/auto`), which lets the bundler leave the rest of chart.js out.
 * Everything shown (labels, colours, fonts) is passed in: this module holds no text of its own.
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
} from 'chart.js';

Chart.register(DoughnutController, ArcElement, BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

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
        tooltip: { bodyFont: { family: look.font }, titleFont: { family: look.font } },
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
