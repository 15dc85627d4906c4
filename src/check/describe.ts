// The Dutch sentences about a check's outcome that every output shares (the
// terminal, the GitHub summary, the report's appendix), so they never tell a
// coalition two different stories.
import { formatDutchDate } from '../dates.js';
import { countFindings } from '../text/counts.js';
import type { CheckSummary, CoalitionResult } from './result.js';

/** "nog 150 dagen", "nog 1 dag", "vandaag is de laatste dag" */
function daysLeft(days: number): string {
  return days === 0 ? 'vandaag is de laatste dag' : days === 1 ? 'nog 1 dag' : `nog ${days} dagen`;
}

/**
 * How many mandatory bouwbladen of the summary's period are done (all four
 * steps), and the extra ones apart: one count per kind, so the two never read
 * as a contradiction.
 */
export function describeProgress(summary: CheckSummary): string {
  const { period } = summary;
  if (!period) return 'Er is nog geen periode begonnen, dus er is nog niets te tellen.';
  const span = `${formatDutchDate(period.from)} – ${formatDutchDate(period.to)}`;
  const when =
    summary.phase === 'running' && summary.daysLeft !== undefined
      ? `${span}, ${daysLeft(summary.daysLeft)}`
      : summary.phase === 'ended'
        ? `${span}, voorbij`
        : span;
  const done = summary.bouwstenenComplete;
  const mandatory =
    done === 0
      ? `nog geen van de ${summary.bouwstenenTotal} verplichte bouwbladen is klaar`
      : done === summary.bouwstenenTotal
        ? `alle ${done} verplichte bouwbladen zijn klaar`
        : `${done} van de ${summary.bouwstenenTotal} verplichte bouwbladen ${done === 1 ? 'is' : 'zijn'} klaar`;
  const extraTotal = summary.extraTotal ?? 0;
  const extraDone = summary.extraComplete ?? 0;
  const extra =
    extraTotal === 0
      ? ''
      : extraTotal === 1
        ? `, en het extra bouwblad ${extraDone === 1 ? 'ook' : 'nog niet'}`
        : extraDone === extraTotal
          ? `, en de ${extraTotal} extra bouwbladen ook`
          : `, en ${extraDone} van de ${extraTotal} extra bouwbladen`;
  return `Periode ${period.number} (${when}): ${mandatory}${extra}.`;
}

/** The closing line for one coalition, e.g. "Periode 2 (…): 7 van 9 bouwstenen compleet, … 2 fouten, 1 waarschuwing." */
export function summaryLine(coalition: CoalitionResult): string {
  // A folder that could not be checked has nothing to count; zeros would read as "nothing done".
  if (coalition.failed) return 'Deze map kon niet worden gecontroleerd.';
  const { summary } = coalition;
  const findings = countFindings(summary.errors, summary.warnings);
  // Without a readable kwaliteit.yaml there are no periods, so nothing to count yet.
  const progress = coalition.name === undefined ? 'Zonder goede kwaliteit.yaml kan ik de voortgang niet tellen.' : describeProgress(summary);
  return `${progress} ${findings.charAt(0).toUpperCase()}${findings.slice(1)}.`;
}

/** Said once under findings that are only advice, so a yellow screen is not read as "alles fout". */
export function adviceNote(errors: number, warnings: number): string | undefined {
  if (errors > 0 || warnings === 0) return undefined;
  return 'Waarschuwingen zijn advies: alleen fouten houden het rapport tegen.';
}

/** How a coalition is named when several are shown together. */
export function coalitionLabel(result: CoalitionResult): string {
  return result.name ? `${result.name} (${result.dir})` : result.dir;
}
