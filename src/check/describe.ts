// The Dutch sentences about a check's outcome that every output shares (the
// terminal, the GitHub summary, the report's appendix), so they never tell a
// coalition two different stories.
import { formatDutchDate } from '../dates.js';
import { countFindings } from '../text/counts.js';
import type { CheckSummary, CoalitionResult } from './result.js';

/** What is complete in the summary's period, without the error counts. */
export function describeProgress(summary: CheckSummary): string {
  const { period } = summary;
  if (!period) return 'Er is nog geen periode begonnen, dus er is nog niets te tellen.';
  const bouwbladen =
    summary.bouwbladenTotal === 0
      ? 'nog geen bouwbladen'
      : `${summary.bouwbladenComplete} van ${summary.bouwbladenTotal} bouwbladen compleet`;
  return (
    `Periode ${period.number} (${formatDutchDate(period.from)} – ${formatDutchDate(period.to)}): ` +
    `${summary.bouwstenenComplete} van ${summary.bouwstenenTotal} bouwstenen compleet, ${bouwbladen}.`
  );
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

/** How a coalition is named when several are shown together. */
export function coalitionLabel(result: CoalitionResult): string {
  return result.name ? `${result.name} (${result.dir})` : result.dir;
}
