// Numbers of findings in words, with the noun agreeing with the number.

export function countErrors(count: number): string {
  if (count === 0) return 'geen fouten';
  return count === 1 ? '1 fout' : `${count} fouten`;
}

export function countWarnings(count: number): string {
  if (count === 0) return 'geen waarschuwingen';
  return count === 1 ? '1 waarschuwing' : `${count} waarschuwingen`;
}

/** "geen fouten en 1 waarschuwing" */
export function countFindings(errors: number, warnings: number): string {
  return `${countErrors(errors)} en ${countWarnings(warnings)}`;
}
