// Folder names for bouwbladen, made from the words people type.

/** Plain ASCII letters, digits and single hyphens, cut at a word boundary so a name stays readable. */
export function slugify(text: string, max = 40): string {
  const slug = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const boundary = cut.lastIndexOf('-');
  // One very long word has no boundary: a hard cut is better than nothing.
  const short = (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, max)).replace(/-+$/, '');
  // A name that stops at "…-in-de" reads as cut off; end on a word that means something.
  const words = short.split('-');
  while (words.length > 2 && TRAILING_FILLERS.has(words.at(-1)!)) words.pop();
  return words.join('-');
}

const TRAILING_FILLERS = new Set(
  'aan als bij dat de die dit door een en er het hoe in is met na naar of om onder op over te tot uit van voor we wat welke wie wij zo zodat'.split(' '),
);

/** `base`, or `base-2`, `base-3` … whichever `taken` does not know yet. */
export function uniqueId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}
