// What the report shows, worked out from a loaded coalition before any HTML is
// written: which bouwblad belongs to which bouwsteen, its periods in order, its
// state in the current period and the links between bouwstenen.
import { filledSteps, stateOf, type BouwbladState } from '../coalition/completeness.js';
import { mandatoryFolder } from '../coalition/in-period.js';
import type { BouwbladFile, Coalition, Period } from '../coalition/model.js';
import { currentPeriod, phaseOf } from '../coalition/periods.js';
import type { Bouwsteen } from '../format/format.js';

export interface BouwbladPeriodView {
  number: number;
  /** Absent when kwaliteit.yaml does not know this period. */
  period?: Period;
  /** Absent when the bouwblad has no file for a period that has already begun. */
  file?: BouwbladFile;
  contributors: string[];
  links: string[];
}

export interface BouwbladView {
  /** Folder name under bouwbladen/. */
  id: string;
  question: string;
  mandatory: boolean;
  periods: BouwbladPeriodView[];
}

export interface BouwsteenView {
  bouwsteen: Bouwsteen;
  levelTitle: string;
  aspectTitle: string;
  /** 1-based position in the format. */
  index: number;
  mandatory?: BouwbladView;
  extras: BouwbladView[];
  /** State of the mandatory bouwblad in the current period. */
  state: BouwbladState;
  /** Filled steps (0–4) of that bouwblad. */
  filled: number;
}

export interface LinkEdge {
  from: string;
  to: string;
  /** The bouwbladen that name the link, by folder name, in order. */
  via: string[];
}

export interface ReportModel {
  coalition: Coalition;
  /** The period the grid's states are about. */
  period?: Period;
  periods: Period[];
  bouwstenen: BouwsteenView[];
  links: LinkEdge[];
}

const byNumber = (a: { number: number }, b: { number: number }) => a.number - b.number;

const unique = (values: string[]) => [...new Set(values.map((value) => value.trim()).filter(Boolean))];

function buildBouwblad(id: string, files: BouwbladFile[], periods: Period[], date: string, mandatory: boolean): BouwbladView {
  const sorted = [...files].sort((a, b) => a.frontMatter!.period - b.frontMatter!.period);
  const latest = sorted[sorted.length - 1];
  const views: BouwbladPeriodView[] = sorted.map((file) => ({
    number: file.frontMatter!.period,
    period: periods.find((p) => p.number === file.frontMatter!.period),
    file,
    contributors: unique(file.frontMatter!.contributors),
    links: unique(file.frontMatter!.links),
  }));
  if (mandatory) {
    // The mandatory question runs through every period that has begun; a gap is shown, not hidden.
    for (const period of periods) {
      if (phaseOf(period, date) !== 'future' && !views.some((view) => view.number === period.number)) {
        views.push({ number: period.number, period, contributors: [], links: [] });
      }
    }
    views.sort(byNumber);
  }
  return { id, question: latest.frontMatter!.question, mandatory, periods: views };
}

export function buildReportModel(coalition: Coalition, date: string): ReportModel {
  const config = coalition.config.config;
  const periods = [...(config?.periods ?? [])].sort(byNumber);
  const period = config ? currentPeriod(config, date) : undefined;
  const format = coalition.format;

  // Bouwbladen whose front-matter could not be read have no bouwsteen; check reports them.
  const folders = new Map<string, BouwbladFile[]>();
  for (const file of coalition.bouwbladen) {
    if (!file.frontMatter || !format.bouwsteenFor(file.frontMatter.level, file.frontMatter.aspect)) continue;
    const list = folders.get(file.id) ?? [];
    list.push(file);
    folders.set(file.id, list);
  }

  const bouwstenen = format.bouwstenen.map((bouwsteen, index): BouwsteenView => {
    const own = [...folders].filter(([, files]) => {
      const fm = files[files.length - 1].frontMatter!;
      return `${fm.level}-${fm.aspect}` === bouwsteen.id;
    });
    const folder = mandatoryFolder(coalition, bouwsteen);
    const mandatoryEntry = own.find(([id]) => id === folder);
    const mandatory = mandatoryEntry ? buildBouwblad(mandatoryEntry[0], mandatoryEntry[1], periods, date, true) : undefined;
    const extras = own
      .filter((entry) => entry !== mandatoryEntry)
      .map(([id, files]) => buildBouwblad(id, files, periods, date, false))
      .sort((a, b) => (a.periods[0]?.number ?? 0) - (b.periods[0]?.number ?? 0) || a.id.localeCompare(b.id));
    const current = period ? mandatory?.periods.find((view) => view.number === period.number)?.file : undefined;
    return {
      bouwsteen,
      levelTitle: format.levels.find((level) => level.id === bouwsteen.level)?.title ?? bouwsteen.level,
      aspectTitle: format.aspects.find((aspect) => aspect.id === bouwsteen.aspect)?.title ?? bouwsteen.aspect,
      index: index + 1,
      ...(mandatory ? { mandatory } : {}),
      extras,
      state: stateOf(current),
      filled: current ? filledSteps(current).size : 0,
    };
  });

  const edges = new Map<string, LinkEdge>();
  for (const view of bouwstenen) {
    for (const bouwblad of [view.mandatory, ...view.extras]) {
      if (!bouwblad) continue;
      for (const periodView of bouwblad.periods) {
        for (const target of periodView.links) {
          if (target === view.bouwsteen.id || !format.bouwsteen(target)) continue;
          const key = `${view.bouwsteen.id}>${target}`;
          const edge = edges.get(key) ?? { from: view.bouwsteen.id, to: target, via: [] };
          if (!edge.via.includes(bouwblad.id)) edge.via.push(bouwblad.id);
          edges.set(key, edge);
        }
      }
    }
  }
  const order = new Map(format.bouwstenen.map((b, i) => [b.id, i]));
  const links = [...edges.values()].sort((a, b) => order.get(a.from)! - order.get(b.from)! || order.get(a.to)! - order.get(b.to)!);

  return { coalition, ...(period ? { period } : {}), periods, bouwstenen, links };
}

/** "kinderraad" → "Kinderraad", "gemeenschappelijke-taal" → "Gemeenschappelijke taal". */
export function bouwbladName(id: string): string {
  const words = id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
