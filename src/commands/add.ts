// kwaliteit add: an extra bouwblad (a question of the coalition's own choice, next
// to the mandatory one) for the period that is running now.
import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { findCoalitionRoot } from '../coalition/find.js';
import { mandatoryFile } from '../coalition/in-period.js';
import { BOUWBLADEN_DIR, bouwbladPath } from '../coalition/layout.js';
import { BOUWBLAD_ID, idShapeProblem, MAX_ID_LENGTH } from '../text/ids.js';
import { loadCoalition } from '../coalition/load.js';
import type { Coalition, Config, Period } from '../coalition/model.js';
import { phaseOf } from '../coalition/periods.js';
import { formatDutchDate, requireIsoDate, today } from '../dates.js';
import { errors, KwaliteitError, writeRefused } from '../errors.js';
import type { Bouwsteen } from '../format/format.js';
import { FileExistsError, inTransaction } from '../fs/transaction.js';
import { withLock } from '../fs/lock.js';
import { renderBouwblad } from '../scaffold/bouwblad.js';
import { folderArgumentFor } from '../text/display-path.js';
import { cleanPastedLine } from '../text/quotes.js';
import { slugify } from '../text/slug.js';
import { normaliseQuestion, sameQuestion } from '../text/questions.js';
import { closest } from '../text/suggest.js';
import { requireConfig } from '../coalition/require-config.js';

export interface AddOptions {
  cwd?: string;
  /** The coalition folder (or a folder inside it), relative to cwd. */
  dir?: string;
  /** The bouwsteen id, e.g. meso-samenhang. */
  bouwsteen: string;
  question: string;
  /** The folder name; derived from the question when left out. */
  id?: string;
  /** "Today" (YYYY-MM-DD). */
  date?: string;
  /** Stops the run (Ctrl+C) before the file is written. */
  signal?: AbortSignal;
  /** Work out the new bouwblad and say where it would go, without writing anything (not even the lock). */
  dryRun?: boolean;
}

export interface AddResult {
  root: string;
  /** The new file, relative to the coalition folder. */
  path: string;
  id: string;
  period: Period;
  bouwsteen: Bouwsteen;
  question: string;
  /** True when nothing was written (--dry-run). */
  dryRun: boolean;
  /** Set when a lock left by a run that no longer exists was taken over (since when it was there). */
  staleLockSince?: string;
}

/** New work goes into the running period, or else the next one that has not started yet. */
export function periodForNewWork(config: Config, date: string, folder = ''): Period {
  const sorted = [...config.periods].sort((a, b) => a.number - b.number);
  const period = sorted.find((p) => phaseOf(p, date) === 'running') ?? sorted.find((p) => phaseOf(p, date) === 'future');
  if (period) return period;
  const last = sorted.at(-1)!;
  throw errors.allPeriodsEnded(last.number, formatDutchDate(last.to), folder);
}


const exists = (path: string) => access(path).then(() => true, () => false);

/** Why `id` cannot name a new extra bouwblad, if it cannot. */
export async function idProblem(coalition: Coalition, id: string): Promise<KwaliteitError | undefined> {
  const shape = idShapeProblem(id);
  if (shape) {
    const example = BOUWBLAD_ID.test(id) ? shape.hint : `Bijvoorbeeld: ${slugify(id) || 'kinderraad'}.`;
    return errors.invalidOption('--id', id.length > MAX_ID_LENGTH ? `${id.slice(0, 30)}…` : id, shape.why, example);
  }
  if (coalition.format.bouwsteen(id)) return errors.reservedId(id);
  const file = coalition.bouwbladen.find((f) => f.id === id);
  // An empty folder counts too: someone may be about to put a bouwblad there.
  if (file || (await exists(join(coalition.root, BOUWBLADEN_DIR, id))))
    return errors.bouwbladExists(id, file?.path ?? `${BOUWBLADEN_DIR}/${id}/`);
  return undefined;
}

export async function add(options: AddOptions): Promise<AddResult> {
  const root = await findCoalitionRoot(resolve(options.cwd ?? process.cwd(), options.dir ?? '.'));
  if (options.dryRun) return addIn(root, options);
  return withLock(root, 'add', async (lock) => ({ ...(await addIn(root, options)), ...(lock.staleSince ? { staleLockSince: lock.staleSince } : {}) }));
}

async function addIn(root: string, options: AddOptions): Promise<AddResult> {
  const coalition = await loadCoalition(root);
  const folder = folderArgumentFor(options.cwd ?? process.cwd(), root);
  const config = requireConfig(coalition, folder);
  const date = requireIsoDate(options.date ?? today(), '--date');
  const period = periodForNewWork(config, date, folder);

  const bouwsteen = coalition.format.bouwsteen(options.bouwsteen.trim());
  if (!bouwsteen) throw errors.unknownBouwsteen(options.bouwsteen, closest(options.bouwsteen, coalition.format.bouwstenen.map((b) => b.id)));
  const question = normaliseQuestion(options.question);
  if (!/\p{L}{2,}/u.test(question))
    throw errors.invalidOption('--question', options.question, 'er staat geen vraag', 'Schrijf de vraag tussen aanhalingstekens, bijvoorbeeld --question "Hoe weten we wat kinderen zelf willen?"');
  if (sameQuestion(question, bouwsteen.mandatoryQuestion)) {
    const own = mandatoryFile(coalition, bouwsteen, period.number);
    throw errors.mandatoryQuestionTaken(bouwsteen.title, own?.path ?? bouwbladPath(bouwsteen.id, period.number));
  }
  const id = options.id?.trim() || slugify(question);
  const problem = await idProblem(coalition, id);
  if (problem) throw problem;

  const path = bouwbladPath(id, period.number);
  const content = renderBouwblad(coalition.format, { bouwsteen, period: period.number, mandatory: false, question });
  if (options.dryRun) return { root, path, id, period, bouwsteen, question, dryRun: true };
  try {
    await inTransaction({ root, confine: root, signal: options.signal }, (tx) => tx.create(join(root, path), content));
  } catch (error) {
    if (error instanceof FileExistsError) throw errors.bouwbladExists(id, path);
    throw writeRefused(root, error) ?? error;
  }
  return { root, path, id, period, bouwsteen, question, dryRun: false };
}
