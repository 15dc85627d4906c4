// Lists in Dutch sentences, as the language has them: "a, b en c", "a, b of c".
// Written out rather than asked of Intl.ListFormat: loading its Dutch data costs
// every run more than 10 ms, and a Node built without full ICU would say "and".
const list = (items: readonly string[], word: string) =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${word} ${items.at(-1)}`;

export const andList = (items: readonly string[]) => list(items, 'en');
export const orList = (items: readonly string[]) => list(items, 'of');
