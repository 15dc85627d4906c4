// How far a coalition is in the period that counts, next to the number of findings.
import { filledSteps, stateOf } from '../coalition/completeness.js';
import { bouwbladenIn, mandatoryFile } from '../coalition/in-period.js';
import type { Coalition } from '../coalition/model.js';
import { currentPeriod, phaseOf } from '../coalition/periods.js';
import { daysBetween } from '../dates.js';
import type { Diagnostic } from '../diagnostic.js';
import type { CheckSummary } from './result.js';

export function summarise(coalition: Coalition, diagnostics: Diagnostic[], date: string): CheckSummary {
  const config = coalition.config.config;
  const period = config && currentPeriod(config, date);
  const inPeriod = period ? bouwbladenIn(coalition, period.number) : [];
  // A file that cannot be read still counts, as not complete: "9 van 9" would hide it.
  const unread = period ? coalition.bouwbladen.filter((file) => !file.frontMatter && file.filePeriod === period.number) : [];
  const extras = inPeriod.filter((file) => !file.frontMatter.mandatory);
  const unreadExtras = unread.filter((file) => !coalition.format.bouwsteen(file.id));
  const phase = period && phaseOf(period, date);
  return {
    ...(period ? { period, phase } : {}),
    ...(phase === 'running' ? { daysLeft: daysBetween(date, period!.to) } : {}),
    bouwstenenComplete: period ? coalition.format.bouwstenen.filter((b) => stateOf(mandatoryFile(coalition, b, period.number)) === 'klaar').length : 0,
    bouwstenenTotal: coalition.format.bouwstenen.length,
    bouwbladenComplete: inPeriod.filter((file) => filledSteps(file).size === 4).length,
    bouwbladenTotal: inPeriod.length + unread.length,
    extraComplete: extras.filter((file) => filledSteps(file).size === 4).length,
    extraTotal: extras.length + unreadExtras.length,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
  };
}
