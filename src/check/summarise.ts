// How far a coalition is in the period that counts, next to the number of findings.
import { filledSteps, stateOf } from '../coalition/completeness.js';
import { bouwbladenIn, mandatoryFile } from '../coalition/in-period.js';
import type { Coalition } from '../coalition/model.js';
import { currentPeriod } from '../coalition/periods.js';
import type { Diagnostic } from '../diagnostic.js';
import type { CheckSummary } from './result.js';

export function summarise(coalition: Coalition, diagnostics: Diagnostic[], date: string): CheckSummary {
  const config = coalition.config.config;
  const period = config && currentPeriod(config, date);
  const inPeriod = period ? bouwbladenIn(coalition, period.number) : [];
  return {
    ...(period ? { period } : {}),
    bouwstenenComplete: period ? coalition.format.bouwstenen.filter((b) => stateOf(mandatoryFile(coalition, b, period.number)) === 'klaar').length : 0,
    bouwstenenTotal: coalition.format.bouwstenen.length,
    bouwbladenComplete: inPeriod.filter((file) => filledSteps(file).size === 4).length,
    // A file that cannot be read still counts, as not complete: "9 van 9" would hide it.
    bouwbladenTotal: inPeriod.length + coalition.bouwbladen.filter((file) => period && !file.frontMatter && file.filePeriod === period.number).length,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
  };
}
