// Does one text build on another? A rough, language-aware look at shared words.
const STOPWORDS = new Set(
  'aan al alle als ander andere bij daar dat de deze die dit doen door een eens elke en er gaan geen hebben heeft het hier hoe hun iets in is je jullie kan komen kunnen maar meer met moet na naar niet nog nu of om onder ons onze ook op over te tot tussen uit van veel voor wat we welke wie wij wil worden wordt zal zich zij zijn zo zodat zonder'.split(' '),
);

export function significantWords(text: string): Set<string> {
  const words = text
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .match(/[a-z0-9]+/g) ?? [];
  return new Set(words.filter((w) => w.length >= 4 && !STOPWORDS.has(w)));
}

/** True when `later` shares meaningful words with `earlier` (or contains it). */
export function buildsOn(later: string, earlier: string): boolean {
  const a = significantWords(earlier);
  const b = significantWords(later);
  if (a.size === 0 || b.size === 0) return false;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared >= Math.min(2, a.size);
}
