// The last line of a file init writes for a coalition (README, CI jobs) carries a
// fingerprint of the file itself. `kwaliteit upgrade` replaces such a file only
// while the fingerprint still fits: then nobody has changed it by hand.
import { createHash } from 'node:crypto';

// On the last line only, so a coalition name that happens to hold these words changes nothing.
const MARK = /kwaliteit-vingerafdruk: ([0-9a-f]{16}|\{\{fingerprint\}\})(?=[^\n]*\n*$)/;

/** Git on Windows may turn line ends into CRLF; that is no edit. */
const canonical = (text: string) => text.replace(/\r\n/g, '\n').replace(MARK, 'kwaliteit-vingerafdruk: ');

const digest = (text: string) => createHash('sha256').update(canonical(text)).digest('hex').slice(0, 16);

/** Puts the fingerprint into a rendered text that has the {{fingerprint}} placeholder. */
export function sign(text: string): string {
  if (!MARK.test(text)) throw new Error('template has no kwaliteit-vingerafdruk');
  return text.replace(MARK, `kwaliteit-vingerafdruk: ${digest(text)}`);
}

/** 'intact' when the file is exactly as kwaliteit wrote it, 'edited' when not, 'unsigned' without a fingerprint. */
export function fingerprintState(text: string): 'intact' | 'edited' | 'unsigned' {
  const found = MARK.exec(text);
  if (!found) return 'unsigned';
  return found[1] === digest(text) ? 'intact' : 'edited';
}
