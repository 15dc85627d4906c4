// Which words of a text are not in a reference text: what someone typed into a
// sentence of ours. Words are compared in order (the longest common
// subsequence), so typing in the middle of it, or leaving out a few of its
// words, still finds exactly the typed ones.

export interface Word {
  /** Lower case, without accents: "Één" and "een" are the same word here. */
  key: string;
  /** Where the word stands in the text. */
  start: number;
  end: number;
}

export function wordsOf(text: string): Word[] {
  const found: Word[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    found.push({
      key: match[0].toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, ''),
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return found;
}

/** Above this many comparisons a text is too long to be a sentence of ours with a few words typed in. */
const MAX_CELLS = 2_000_000;

export interface Beyond {
  /** How many words of the reference were found, in order. */
  matched: number;
  /** The words of the text outside that match, in order. */
  extra: Word[];
}

export function wordsBeyond(text: Word[], reference: string[]): Beyond {
  const n = text.length;
  const m = reference.length;
  if (n * m > MAX_CELLS || m === 0) return { matched: 0, extra: text };
  // lengths[i][j]: the longest common subsequence of text[i..] and reference[j..].
  const lengths = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i][j] = text[i].key === reference[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  const extra: Word[] = [];
  let i = 0;
  let j = 0;
  while (i < n) {
    if (j < m && text[i].key === reference[j]) {
      i++;
      j++;
    } else if (j < m && lengths[i][j + 1] >= lengths[i + 1][j]) {
      j++;
    } else {
      extra.push(text[i]);
      i++;
    }
  }
  return { matched: lengths[0][0], extra };
}
