// The 3×3 raster of the handreiking: levels as rows (the highest on top, as in
// `status`), aspects as columns. Each cell links to its bouwsteen, says how far
// the mandatory bouwblad is and, in the PDF, on which page the bouwsteen starts.
import { formatDutchDate } from '../dates.js';
import { gridLevels } from '../format/grid.js';
import { anchorId, html, type SafeHtml } from './html.js';
import type { ReportModel } from './model.js';
import { stateBadge } from './state.js';

export const bouwsteenAnchor = (id: string) => anchorId('bouwsteen', id);

export function extraCount(count: number): string {
  if (count === 0) return 'geen extra bouwbladen';
  return count === 1 ? '1 extra bouwblad' : `${count} extra bouwbladen`;
}

export function renderGrid(model: ReportModel): SafeHtml {
  const { format } = model.coalition;
  const period = model.period;
  const caption = period
    ? `De stand van het verplichte bouwblad in periode ${period.number} (${formatDutchDate(period.from)} – ${formatDutchDate(period.to)}).`
    : 'Er is nog geen periode vastgelegd in kwaliteit.yaml.';
  const header = format.aspects.map((aspect) => html`<th scope="col">${aspect.title}</th>`);
  const rows = gridLevels(format).map((level) => {
    const cells = format.aspects.map((aspect) => {
      const view = model.bouwstenen.find((b) => b.bouwsteen.level === level.id && b.bouwsteen.aspect === aspect.id);
      if (!view) return html`<td></td>`;
      return html`<td class="cell cell-${view.state}">
  <a href="#${bouwsteenAnchor(view.bouwsteen.id)}">
    <span class="cell-title">${view.bouwsteen.title}</span>
    <span class="cell-text">${view.bouwsteen.description}</span>
    <span class="cell-foot">${stateBadge(view.state, view.filled)}<span class="cell-extra">${view.extras.length ? `+ ${extraCount(view.extras.length)}` : ''}</span><span class="cell-page">bladzijde <span data-toc-page="${bouwsteenAnchor(view.bouwsteen.id)}"></span></span></span>
  </a>
</td>`;
    });
    return html`<tr><th scope="row"><span>${level.title}</span></th>${cells}</tr>`;
  });
  return html`<table class="grid">
<caption>${caption}</caption>
<thead><tr><td class="corner"></td>${header}</tr></thead>
<tbody>${rows}</tbody>
</table>
<ul class="legend" aria-label="Betekenis van de tekens">
  <li>${stateBadge('klaar', 4)} alle vier stappen zijn ingevuld</li>
  <li>${stateBadge('bezig', 2, false)} een deel van de stappen is ingevuld</li>
  <li>${stateBadge('leeg', 0)} nog geen stap ingevuld, of nog geen bouwblad voor deze periode</li>
</ul>`;
}
