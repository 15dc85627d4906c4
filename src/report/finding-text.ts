// How the report and the preview word a finding of the check.
import type { Diagnostic } from '../diagnostic.js';
import { loaderRules, rules } from '../rules/index.js';

/**
 * The report never reprints markup from the coalition's files, not even as
 * escaped text: a finding that quotes some (raw-html does) is shown with its
 * rule's plain description instead. `check` still shows the exact code.
 */
export function findingText(diagnostic: Diagnostic): string {
  if (!/<\/?[a-z!?]/i.test(diagnostic.message)) return diagnostic.message;
  const rule = [...rules, ...loaderRules].find((r) => r.id === diagnostic.ruleId);
  return rule?.description ?? 'Hier staat code die niet in het rapport komt.';
}
