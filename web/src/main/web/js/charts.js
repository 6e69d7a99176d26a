// Bar charts as plain SVG, each with the table of its numbers beside it (the table is what a screen reader reads;
// the chart is its picture). Drawn here: a few dozen lines, nothing fetched, nothing to keep up to date.
import { h } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes, text) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/**
 * Horizontal bars: rows [{label, values: [number|null, ...]}], one bar per value (series named in `series`),
 * `format` turns a value into its label.
 */
export function barChart({ title, rows, series, format = String }) {
  const barHeight = 14;
  const gap = 4;
  const rowHeight = series.length * (barHeight + gap) + 10;
  const labelWidth = 180;
  const width = 480;
  const height = Math.max(40, rows.length * rowHeight + 24);
  const max = Math.max(1, ...rows.flatMap((row) => row.values.filter((value) => value !== null && value !== undefined)));
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': title });
  rows.forEach((row, index) => {
    const top = index * rowHeight + 4;
    chart.append(svg('text', { x: 0, y: top + barHeight - 2 }, row.label.length > 28 ? `${row.label.slice(0, 27)}…` : row.label));
    row.values.forEach((value, seriesIndex) => {
      const y = top + seriesIndex * (barHeight + gap);
      const length = value ? Math.max(2, ((width - labelWidth - 70) * value) / max) : 0;
      const bar = svg('rect', { x: labelWidth, y, width: length, height: barHeight, class: seriesIndex === 0 ? 'bar' : 'bar second' });
      bar.append(svg('title', {}, `${row.label}, ${series[seriesIndex]}: ${value === null || value === undefined ? '–' : format(value)}`));
      chart.append(bar, svg('text', { x: labelWidth + length + 4, y: y + barHeight - 3 },
        value === null || value === undefined ? '–' : format(value)));
    });
  });
  if (series.length > 1) {
    chart.append(svg('text', { x: labelWidth, y: height - 4 }, series.map((name, i) => `${i === 0 ? '■' : '□'} ${name}`).join('   ')));
  }
  return chart;
}

/** A table of rows with column titles; cells are text. */
export function table(caption, columns, rows, test) {
  return h('table', { 'data-test': test },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, columns.map((column) => h('th', { scope: 'col' }, column)))),
    h('tbody', {}, rows.length === 0
      ? h('tr', {}, h('td', { colspan: columns.length, class: 'muted' }, 'Niets in deze periode.'))
      : rows.map((cells) => h('tr', {}, cells.map((cell, index) => (index === 0 ? h('th', { scope: 'row' }, cell) : h('td', {}, cell)))))));
}
