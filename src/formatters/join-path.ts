// Paths in the output of check, as seen from where check ran.

/** The coalition folder and a file in it as one path with forward slashes, as seen from where check ran. */
export function joinPath(dir: string, file: string): string {
  const base = dir.replace(/\\/g, '/').replace(/\/+$/, '');
  const cleanBase = base === '' || base === '.' ? '' : base.replace(/^\.\//, '');
  // "" and "." both mean the coalition folder itself.
  if (!file || file === '.') return cleanBase || '.';
  return cleanBase ? `${cleanBase}/${file}` : file;
}
