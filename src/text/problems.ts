// Findings listed inside an error message of status, new-cycle, add and report:
// those commands stop on a broken file, so they must say precisely what to fix
// there and then, not only "run check".
import { compareDiagnostics, type Diagnostic } from '../diagnostic.js';

const MAX_LISTED = 8;

/** "  - file, regel 3: message\n    → hint" for each error, the first few only. */
export function problemLines(diagnostics: readonly Diagnostic[], options: { showFile?: boolean } = {}): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').sort(compareDiagnostics);
  const lines = errors.slice(0, MAX_LISTED).map((d) => {
    const where = [options.showFile === false ? '' : d.file, d.line !== undefined ? `regel ${d.line}` : ''].filter(Boolean).join(', ');
    return `  - ${where ? `${where}: ` : ''}${d.message}${d.hint ? `\n    → ${d.hint}` : ''}`;
  });
  const more = errors.length - MAX_LISTED;
  if (more > 0) lines.push(`  … en nog ${more} ${more === 1 ? 'punt' : 'punten'}.`);
  return lines.join('\n');
}
