// Which bouwblad files belong to a bouwsteen in a period: status, add and
// new-cycle all ask this, so they ask it the same way.
import type { Bouwsteen } from '../format/format.js';
import type { BouwbladFile, Coalition } from './model.js';

export type ReadBouwblad = BouwbladFile & { frontMatter: NonNullable<BouwbladFile['frontMatter']> };

// A loaded coalition does not change, so its files are grouped by period once:
// every question below is a look-up, and a rule that asks it per bouwsteen and
// per period stays linear in the number of files.
const byPeriod = new WeakMap<Coalition, Map<number, ReadBouwblad[]>>();
const byPath = new WeakMap<Coalition, Set<string>>();

export function bouwbladenIn(coalition: Coalition, period: number): readonly ReadBouwblad[] {
  let index = byPeriod.get(coalition);
  if (!index) {
    index = new Map();
    for (const file of coalition.bouwbladen) {
      if (!file.frontMatter) continue;
      const list = index.get(file.frontMatter.period);
      if (list) list.push(file as ReadBouwblad);
      else index.set(file.frontMatter.period, [file as ReadBouwblad]);
    }
    byPeriod.set(coalition, index);
  }
  return index.get(period) ?? [];
}

/** Whether the coalition has a bouwblad file at `path`, readable or not. */
export function hasBouwbladFile(coalition: Coalition, path: string): boolean {
  let paths = byPath.get(coalition);
  if (!paths) byPath.set(coalition, (paths = new Set(coalition.bouwbladen.map((file) => file.path))));
  return paths.has(path);
}

const belongsTo = (file: ReadBouwblad, bouwsteen: Bouwsteen) =>
  file.frontMatter.level === bouwsteen.level && file.frontMatter.aspect === bouwsteen.aspect;

/** Every bouwblad of a period that says it is the mandatory one of `bouwsteen` (more than one is a finding). */
export function mandatoryFiles(coalition: Coalition, bouwsteen: Bouwsteen, period: number): ReadBouwblad[] {
  return bouwbladenIn(coalition, period).filter((file) => file.frontMatter.mandatory && belongsTo(file, bouwsteen));
}

/**
 * The mandatory bouwblad of a bouwsteen in a period, the one way every command
 * picks it: the one in the bouwsteen's own folder, else the first.
 */
export function mandatoryFile(coalition: Coalition, bouwsteen: Bouwsteen, period: number): ReadBouwblad | undefined {
  const files = mandatoryFiles(coalition, bouwsteen, period);
  return files.find((file) => file.id === bouwsteen.id) ?? files[0];
}

/**
 * The folder of a bouwsteen's mandatory bouwblad over all periods (the report
 * shows it as one bouwblad): the folder of its mandatory file, picked as
 * mandatoryFile picks it, in the latest period that has one.
 */
export function mandatoryFolder(coalition: Coalition, bouwsteen: Bouwsteen): string | undefined {
  const periods = [...new Set(coalition.bouwbladen.flatMap((file) => (file.frontMatter ? [file.frontMatter.period] : [])))].sort((a, b) => b - a);
  for (const period of periods) {
    const file = mandatoryFile(coalition, bouwsteen, period);
    if (file) return file.id;
  }
  return undefined;
}

export function extraFiles(coalition: Coalition, bouwsteen: Bouwsteen, period: number): ReadBouwblad[] {
  return bouwbladenIn(coalition, period).filter((file) => !file.frontMatter.mandatory && belongsTo(file, bouwsteen));
}

/** Every bouwblad id in use, in any period, including files whose front-matter is broken. */
export function bouwbladIds(coalition: Coalition): Set<string> {
  return new Set(coalition.bouwbladen.map((file) => file.id));
}
