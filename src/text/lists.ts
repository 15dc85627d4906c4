// Lists in Dutch sentences, as the language has them: "a, b en c", "a, b of c".
const and = new Intl.ListFormat('nl', { type: 'conjunction' });
const or = new Intl.ListFormat('nl', { type: 'disjunction' });

export const andList = (items: readonly string[]) => and.format(items);
export const orList = (items: readonly string[]) => or.format(items);
