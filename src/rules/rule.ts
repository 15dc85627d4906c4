// A rule looks at a loaded coalition and reports findings. One rule per file,
// listed in ./index.ts.
import type { Coalition, Config } from '../coalition/model.js';
import type { Severity } from '../diagnostic.js';

export interface Finding {
  file: string;
  line?: number;
  column?: number;
  message: string;
  hint?: string;
  /** Text from the coalition's file that `message` quotes; the report leaves it out. */
  quote?: string;
  /** Overrides the rule's default severity for this one finding. */
  severity?: Severity;
}

export interface RuleContext {
  coalition: Coalition;
  /** Present when kwaliteit.yaml passed its schema. */
  config?: Config;
  /** The date to check against (YYYY-MM-DD). */
  date: string;
  /** Checking for the end of the subsidy period. */
  final: boolean;
  report(finding: Finding): void;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** Dutch: what the rule checks, for the rule list in the README. */
  description: string;
  check(context: RuleContext): void;
}

export const defineRule = (rule: Rule): Rule => rule;
