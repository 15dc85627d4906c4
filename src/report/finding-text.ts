// How the report and the preview word a finding of the check.
import type { Diagnostic } from '../diagnostic.js';
import { loaderRules, rules } from '../rules/index.js';

const MARKUP = /<\/?[a-z!?]/i;

/**
 * The finding as `check` says it, but the report never reprints markup from the
 * coalition's files, not even as escaped text: what a rule marks as quoted from
 * a file (raw-html quotes the code it found) becomes "…". A message that still
 * holds markup is shown with its rule's plain description. `check` still shows
 * the exact code.
 */
export function findingText(diagnostic: Diagnostic): string {
  const message = diagnostic.quote ? diagnostic.message.split(diagnostic.quote).join('…') : diagnostic.message;
  if (!MARKUP.test(message)) return message;
  const rule = [...rules, ...loaderRules].find((r) => r.id === diagnostic.ruleId);
  return rule?.description ?? 'Hier staat code die niet in het rapport komt.';
}
