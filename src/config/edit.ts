// Adds a period to kwaliteit.yaml as text: the new lines go in after the last
// period, in the file's own indentation, quoting and line ends, and every other
// byte (comments, spacing, blank lines, the layout of other lists) stays exactly
// as the coalition wrote it.
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, parse, parseDocument, type Node, type YAMLMap } from 'yaml';
import type { Period } from './schema.js';

/** The entries of a period, in the order the file's last period has them (number, from, to if it has none). */
function keysOf(last: Node | null | undefined): string[] {
  const known = ['number', 'from', 'to'];
  if (!isMap(last)) return known;
  const order = (last as YAMLMap).items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : '')).filter((key) => known.includes(key));
  return order.length === known.length ? order : known;
}

/** Where the text of a node ends: a block map or list ends with its last entry, not with the line break after it. */
function contentEnd(node: Node): number {
  if (isMap(node) && !node.flow && node.items.length) {
    const pair = node.items.at(-1)!;
    return contentEnd((pair.value ?? pair.key) as Node);
  }
  if (isSeq(node) && !node.flow && node.items.length) return contentEnd(node.items.at(-1) as Node);
  return node.range![1];
}

/** The text of kwaliteit.yaml with `period` appended to `periods`. */
export function addPeriod(original: string, period: Period): string {
  const bom = original.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = original.slice(bom.length);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const doc = parseDocument(text);
  const periods = doc.get('periods', true) as Node | undefined;
  if (!isSeq(periods) || !periods.range) throw new Error('kwaliteit.yaml has no list of periods');
  const last = periods.items.at(-1) as Node | undefined;
  const keys = keysOf(last);
  const value = (key: string) => String(period[key as keyof Period]);
  let result: string;
  if (periods.flow) {
    // periods: [{number: 1, from: …, to: …}]: one more item before the closing bracket.
    const close = text.lastIndexOf(']', periods.range[1]);
    const item = `{ ${keys.map((key) => `${key}: ${value(key)}`).join(', ')} }`;
    result = text.slice(0, close).trimEnd() + (periods.items.length ? ', ' : '') + item + text.slice(close);
  } else {
    if (!last?.range) throw new Error('kwaliteit.yaml has an empty list of periods');
    // The "  - " before the last period's first entry, and where that period's last line ends.
    const start = last.range[0];
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const marker = text.slice(lineStart, start);
    if (!/^[ \t]*-[ \t]+$/.test(marker)) throw new Error('the last period does not start its own line');
    const end = contentEnd(last);
    const lineEnd = text.slice(end).search(/\r?\n|$/) + end;
    const indent = ' '.repeat(marker.length);
    const lines = isMap(last)
      ? keys.map((key, i) => `${i === 0 ? marker : indent}${key}: ${value(key)}`)
      : [`${marker}{ ${keys.map((key) => `${key}: ${value(key)}`).join(', ')} }`];
    result = `${text.slice(0, lineEnd)}${eol}${lines.join(eol)}${text.slice(lineEnd)}`;
  }
  // Belt and braces: what we write must read back as the old data plus the period.
  const before = parse(text) as { periods: unknown[] };
  const expected = { ...before, periods: [...before.periods, { ...period }] };
  if (!isDeepStrictEqual(parse(result), expected)) throw new Error('adding the period to kwaliteit.yaml changed other data');
  return bom + result;
}
