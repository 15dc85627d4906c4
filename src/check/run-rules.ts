// Runs every rule of the registry over a loaded coalition. A rule that throws
// becomes one finding of its own, so the findings of the other rules survive.
import type { Coalition } from '../coalition/model.js';
import { compareDiagnostics, type Diagnostic } from '../diagnostic.js';
import { rules } from '../rules/index.js';
import type { Finding } from '../rules/rule.js';

export function runRules(coalition: Coalition, date: string, final = false): Diagnostic[] {
  const diagnostics = [...coalition.diagnostics];
  const config = coalition.config.config;
  for (const rule of rules) {
    const report = (finding: Finding) => {
      const { severity, hint, ...rest } = finding;
      diagnostics.push({ ...rest, ruleId: rule.id, severity: severity ?? rule.severity, ...(hint ? { hint } : {}) });
    };
    try {
      rule.check({ coalition, config, date, final, report });
    } catch (error) {
      diagnostics.push({
        file: coalition.config.path,
        ruleId: rule.id,
        severity: 'error',
        message: `De controle "${rule.id}" liep vast: ${(error as Error).message}. Dit is een fout in kwaliteit, niet in jouw bestanden.`,
        hint: 'Meld dit bij het team van kwaliteit.',
      });
    }
  }
  return diagnostics.sort(compareDiagnostics);
}
