// The status of a coalition as text for a terminal: the 3×3 grid of bouwstenen,
// the period, and what to do next. A pure function: the CLI decides on colour.
import { Chalk, type ChalkInstance } from 'chalk';
import type { BouwbladState } from '../coalition/completeness.js';
import type { StatusBouwsteen, StatusReport } from './status.js';
import { formatDutchDate } from '../dates.js';
import { visible } from '../text/visible.js';
import { wrap } from '../text/wrap.js';

export interface RenderOptions {
  color: boolean;
}

const CELL = 20;
const LABEL = 7;
/** Fits the grid: a terminal of 80 columns shows everything without wrapping. */
const WIDTH = 78;
type CellState = StatusBouwsteen['mandatory']['state'];
const SYMBOL: Record<CellState, string> = { leeg: '○', bezig: '◐', klaar: '●', onleesbaar: '✕', 'kop-klopt-niet': '✕' };
const WORDS: Record<CellState, string> = { leeg: 'leeg', bezig: 'bezig', klaar: 'klaar', onleesbaar: 'niet te lezen', 'kop-klopt-niet': 'kop klopt niet' };

/**
 * Plain text of a cell: the state in words, so it reads the same without colour;
 * under a header mistake what is written all the same; then the extra bouwbladen.
 */
export function cellText(cell: StatusBouwsteen): [string, ...string[]] {
  const { state, stepsFilled } = cell.mandatory;
  const first = state === 'bezig' ? `${SYMBOL[state]} bezig, ${stepsFilled.length} van 4` : `${SYMBOL[state]} ${WORDS[state]}`;
  const written = state === 'kop-klopt-niet' && stepsFilled.length ? [`  ${stepsFilled.length} van 4 ingevuld`] : [];
  const count = cell.extra.length;
  const extra = count === 0 ? [] : count === 1 ? ['+ 1 extra bouwblad'] : [`+ ${count} extra bouwbladen`];
  return [first, ...written, ...extra];
}

function paint(c: ChalkInstance, state: CellState, expected: boolean, text: string): string {
  if (state === 'onleesbaar' || state === 'kop-klopt-niet') return c.red(text);
  if (state === 'klaar') return c.green(text);
  if (state === 'bezig') return c.yellow(text);
  // Empty is advice once the period asks for something, never a red cross: red is for files kwaliteit cannot count.
  return expected ? c.yellow(text) : c.dim(text);
}

function periodLine(report: StatusReport): string {
  const p = report.period;
  if (!p) return 'Er staat nog geen periode in kwaliteit.yaml.';
  const span = `van ${formatDutchDate(p.from)} tot en met ${formatDutchDate(p.to)}`;
  if (p.phase === 'future') return `Periode ${p.number} loopt ${span}. Die is nog niet begonnen.`;
  if (p.phase === 'ended') return `Periode ${p.number} liep ${span}. Die is voorbij.`;
  const left = p.daysLeft === 0 ? 'vandaag is de laatste dag' : p.daysLeft === 1 ? 'nog 1 dag' : `nog ${p.daysLeft} dagen`;
  return `Periode ${p.number} loopt ${span}: ${left}.`;
}

export function renderStatus(report: StatusReport, options: RenderOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const expected = report.period !== null && report.period.phase !== 'future';
  const rule = `${'─'.repeat(LABEL + 1)}┼${Array(report.aspects.length).fill('─'.repeat(CELL + 2)).join('┼')}`;
  const row = (label: string, cells: string[]) => `${label.padEnd(LABEL)} │ ${cells.join(' │ ')}`.trimEnd();
  // Pad the plain text before colouring (codes take no room on screen); the last column needs no padding.
  const pad = (text: string, column: number) => (column === report.aspects.length - 1 ? text : text.padEnd(CELL));
  const lines: string[] = [];

  const name = visible(report.name);
  lines.push(c.bold(report.period ? `${name} · periode ${report.period.number}` : name), '');
  lines.push(row('', report.aspects.map((aspect, i) => c.bold(pad(aspect, i)))));
  for (const level of report.levels) {
    const cells = report.aspects.map((aspect) => report.bouwstenen.find((b) => b.level === level && b.aspect === aspect));
    const texts = cells.map((cell) => (cell ? cellText(cell) : ['']));
    lines.push(rule);
    lines.push(row(c.bold(level.padEnd(LABEL)), cells.map((cell, i) => (cell ? paint(c, cell.mandatory.state, expected, pad(texts[i][0], i)) : pad('', i)))));
    const more = Math.max(...texts.map((text) => text.length)) - 1;
    for (let n = 1; n <= more; n++) {
      lines.push(row('', texts.map((text, i) => {
        const part = text[n] ?? '';
        return part.startsWith('+') ? c.cyan(pad(part, i)) : c.dim(pad(part, i));
      })));
    }
  }
  lines.push('');
  if (report.period) {
    const legend = `In elk vak: het verplichte bouwblad van periode ${report.period.number} (leeg, bezig of klaar, en hoeveel van de 4 stappen zijn ingevuld) en het aantal extra bouwbladen.`;
    lines.push(...wrap(legend, WIDTH).map((line) => c.dim(line)), '');
  }
  lines.push(...wrap(periodLine(report), WIDTH));
  if (report.next.length) {
    lines.push('', c.bold('Wat nu?'));
    for (const step of report.next) {
      const [first, ...rest] = wrap(visible(step.message), WIDTH - 4, '    ');
      lines.push(`  ${c.cyan('→')} ${first}`, ...rest);
      if (step.command) lines.push(`    ${c.bold(visible(step.command))}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
