// The samenhang overview (section 2.4 of the handreiking): which bouwstenen
// affect which, drawn as arrows between the cells of the raster. The drawing is
// plain SVG made here, so the report needs no script and no network; the table
// under it says the same in words, for screen readers and for people who prefer text.
import { gridLevels } from '../format/grid.js';
import { anchorId, escapeHtml, html, raw, type SafeHtml } from './html.js';
import type { ReportModel } from './model.js';

const NODE_W = 172;
const NODE_H = 58;
const COL_GAP = 236;
const ROW_GAP = 150;

interface Point {
  x: number;
  y: number;
}

/** Where the line from a node's centre towards `towards` leaves the node's box. */
function exitPoint(centre: Point, towards: Point, pad = 4): Point {
  const dx = towards.x - centre.x;
  const dy = towards.y - centre.y;
  const halfW = NODE_W / 2 + pad;
  const halfH = NODE_H / 2 + pad;
  const scale = 1 / Math.max(Math.abs(dx) / halfW, Math.abs(dy) / halfH, 1e-9);
  return { x: centre.x + dx * scale, y: centre.y + dy * scale };
}

const round = (n: number) => Math.round(n * 10) / 10;

function quadratic(a: Point, c: Point, b: Point, t: number): Point {
  const u = 1 - t;
  return { x: u * u * a.x + 2 * u * t * c.x + t * t * b.x, y: u * u * a.y + 2 * u * t * c.y + t * t * b.y };
}

const hits = (point: Point, centre: Point, margin: number) =>
  Math.abs(point.x - centre.x) < NODE_W / 2 + margin && Math.abs(point.y - centre.y) < NODE_H / 2 + margin;

/**
 * A curve from a to b that goes around every other cell: the smallest bend
 * that clears them all, bowing away from the middle of the raster first, so
 * arrows stay outside where they can.
 */
function route(a: Point, b: Point, others: Point[], middle: Point): { control: Point; points: Point[] } {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy);
  const normal = { x: dy / length, y: -dx / length };
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  const outward = (mid.x - middle.x) * normal.x + (mid.y - middle.y) * normal.y >= 0 ? 1 : -1;
  const sample = (control: Point) => Array.from({ length: 41 }, (_, i) => quadratic(a, control, b, i / 40));
  let fallback: { control: Point; points: Point[] } | undefined;
  for (const bend of [0.1, 0.18, 0.26, 0.34, 0.44, 0.56, 0.7]) {
    for (const side of [outward, -outward]) {
      const control = { x: mid.x + normal.x * bend * length * side, y: mid.y + normal.y * bend * length * side };
      const points = sample(control);
      fallback ??= { control, points };
      const inner = points.slice(4, -4);
      if (!inner.some((point) => others.some((other) => hits(point, other, 10)))) return { control, points };
    }
  }
  return fallback!;
}

export function renderSamenhangDrawing(model: ReportModel): SafeHtml {
  const { format } = model.coalition;
  const centres = new Map<string, Point>();
  // The rows as in the raster: the highest level on top.
  const levels = gridLevels(format);
  levels.forEach((level, row) =>
    format.aspects.forEach((aspect, col) => {
      const bouwsteen = format.bouwsteenFor(level.id, aspect.id);
      if (bouwsteen) centres.set(bouwsteen.id, { x: col * COL_GAP, y: row * ROW_GAP });
    }),
  );
  const middle = { x: COL_GAP, y: ROW_GAP };

  // Two bouwstenen that affect each other get one line with two arrowheads.
  const pairs = new Map<string, { from: string; to: string; both: boolean; strong: boolean }>();
  for (const edge of model.links) {
    const reverse = pairs.get(`${edge.to}>${edge.from}`);
    if (reverse) {
      reverse.both = true;
      reverse.strong ||= edge.via.length > 1;
    } else pairs.set(`${edge.from}>${edge.to}`, { from: edge.from, to: edge.to, both: false, strong: edge.via.length > 1 });
  }

  let minX = -NODE_W / 2 - 70;
  let maxX = 2 * COL_GAP + NODE_W / 2 + 10;
  let minY = -NODE_H / 2 - 40;
  let maxY = 2 * ROW_GAP + NODE_H / 2 + 10;
  const edges = [...pairs.values()].map((pair) => {
    const a = centres.get(pair.from)!;
    const b = centres.get(pair.to)!;
    const others = [...centres.values()].filter((c) => c !== a && c !== b);
    const { control } = route(a, b, others, middle);
    const start = exitPoint(a, control, pair.both ? 7 : 4);
    const end = exitPoint(b, control, 7);
    // The drawing grows to hold every arc, so nothing is ever cut off.
    for (let i = 0; i <= 20; i++) {
      const point = quadratic(start, control, end, i / 20);
      minX = Math.min(minX, point.x - 12);
      maxX = Math.max(maxX, point.x + 12);
      minY = Math.min(minY, point.y - 12);
      maxY = Math.max(maxY, point.y + 12);
    }
    const marker = pair.strong ? 'arrow-strong' : 'arrow';
    return `<path class="edge${pair.strong ? ' edge-strong' : ''}" d="M${round(start.x)} ${round(start.y)} Q${round(control.x)} ${round(control.y)} ${round(end.x)} ${round(end.y)}"${pair.both ? ` marker-start="url(#${marker})"` : ''} marker-end="url(#${marker})"/>`;
  });

  const involved = new Set(model.links.flatMap((edge) => [edge.from, edge.to]));
  // Column names above the highest arc, so no arrow crosses them.
  const labelY = minY - 6;
  minY -= 28;
  const columnLabels = format.aspects.map(
    (aspect, col) => `<text class="axis" x="${col * COL_GAP}" y="${round(labelY)}" text-anchor="middle">${escapeHtml(aspect.title)}</text>`,
  );
  const labelX = minX + 4;
  const rowLabels = levels.map(
    (level, row) => `<text class="axis" x="${round(labelX)}" y="${row * ROW_GAP + 5}" text-anchor="start">${escapeHtml(level.title.replace(/niveau$/, ''))}</text>`,
  );
  // In the order of the raster, row by row from the top, so the keyboard goes through them as the eye does.
  const inGridOrder = levels.flatMap((level) => format.aspects.flatMap((aspect) => model.bouwstenen.filter((b) => b.bouwsteen.level === level.id && b.bouwsteen.aspect === aspect.id)));
  const nodes = inGridOrder.map((view) => {
    const centre = centres.get(view.bouwsteen.id)!;
    const quiet = involved.has(view.bouwsteen.id) ? '' : ' node-quiet';
    return `<a href="#${anchorId('bouwsteen', view.bouwsteen.id)}" aria-label="${escapeHtml(view.bouwsteen.title)}"><g class="node node-${escapeHtml(view.bouwsteen.level)}${quiet}">
<rect x="${centre.x - NODE_W / 2}" y="${centre.y - NODE_H / 2}" width="${NODE_W}" height="${NODE_H}" rx="10"/>
<text x="${centre.x}" y="${centre.y - 3}" text-anchor="middle" class="node-title">${escapeHtml(view.aspectTitle)}</text>
<text x="${centre.x}" y="${centre.y + 15}" text-anchor="middle" class="node-sub">${escapeHtml(view.levelTitle.toLowerCase())}</text>
</g></a>`;
  });
  const description =
    model.links.length === 0
      ? 'Er zijn nog geen links tussen bouwstenen vastgelegd.'
      : `${model.links.length} links tussen de bouwstenen, getekend als pijlen; de tabel hieronder noemt ze allemaal.`;
  const viewBox = [minX, minY, maxX - minX, maxY - minY].map(round).join(' ');
  // A group, not an image: it holds a link to every bouwsteen, which a keyboard
  // reaches and a screen reader names; an image may not hold links.
  return raw(`<svg class="samenhang" viewBox="${viewBox}" role="group" aria-labelledby="samenhang-svg-title" aria-describedby="samenhang-svg-desc" xmlns="http://www.w3.org/2000/svg">
<title id="samenhang-svg-title">Samenhang tussen de bouwstenen</title>
<desc id="samenhang-svg-desc">${escapeHtml(description)}</desc>
<defs>
<marker id="arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 1 L9 5 L0 9 z" class="arrowhead"/></marker>
<marker id="arrow-strong" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse"><path d="M0 1 L9 5 L0 9 z" class="arrowhead"/></marker>
</defs>
<g aria-hidden="true">
${columnLabels.join('\n')}
${rowLabels.join('\n')}
<g class="edges">${edges.join('\n')}</g>
</g>
${nodes.join('\n')}
</svg>`);
}

export function renderSamenhangTable(model: ReportModel): SafeHtml {
  if (model.links.length === 0) return html`<p>In de bouwbladen zijn nog geen links naar andere bouwstenen vastgelegd.</p>`;
  const title = (id: string) => model.coalition.format.bouwsteen(id)?.title ?? id;
  const rows = model.bouwstenen
    .map((view) => ({ view, targets: model.links.filter((edge) => edge.from === view.bouwsteen.id) }))
    .filter(({ targets }) => targets.length > 0)
    .map(
      ({ view, targets }) => html`<tr>
<th scope="row"><a href="#${anchorId('bouwsteen', view.bouwsteen.id)}">${view.bouwsteen.title}</a></th>
<td><ul>${targets.map((edge) => html`<li><a href="#${anchorId('bouwsteen', edge.to)}">${title(edge.to)}</a></li>`)}</ul></td>
</tr>`,
    );
  return html`<table class="links-table">
<caption>In woorden: welke bouwsteen heeft invloed op welke.</caption>
<thead><tr><th scope="col">Het werk in</th><th scope="col">heeft invloed op</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;
}
