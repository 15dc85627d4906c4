// How a bouwblad's state is shown: always a word and a shape, never colour alone.
import type { BouwbladState } from '../coalition/completeness.js';
import { html, raw, type SafeHtml } from './html.js';

export interface StateLabel {
  label: string;
  /** Extra words after the label, e.g. "2 van 4 stappen". */
  detail?: string;
}

export function stateLabel(state: BouwbladState, filled: number): StateLabel {
  if (state === 'klaar') return { label: 'Compleet' };
  if (state === 'bezig') return { label: 'Bezig', detail: `${filled} van 4 stappen` };
  return { label: 'Nog niet ingevuld' };
}

const SHAPES: Record<BouwbladState, string> = {
  klaar:
    '<circle cx="8" cy="8" r="7" fill="currentColor"/><path d="M4.6 8.3l2.2 2.2 4.6-4.8" fill="none" stroke="#fff" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>',
  bezig: '<circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M8 1.8a6.2 6.2 0 0 1 0 12.4z" fill="currentColor"/>',
  leeg: '<circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" stroke-width="1.6" stroke-dasharray="2.4 1.6"/>',
};

/** A small shape per state: full circle with a tick, half circle, dashed ring. */
export function stateIcon(state: BouwbladState): SafeHtml {
  return html`<svg class="state-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">${raw(SHAPES[state])}</svg>`;
}

export function stateBadge(state: BouwbladState, filled: number, showDetail = true): SafeHtml {
  const { label, detail } = stateLabel(state, filled);
  return html`<span class="state state-${state}">${stateIcon(state)}<span class="state-label">${label}</span>${showDetail && detail ? html`<span class="state-detail">${detail}</span>` : ''}</span>`;
}
