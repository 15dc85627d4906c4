// Changes to kwaliteit.yaml that keep the coalition's own comments, key order and
// layout: the file is edited as a YAML document, never rewritten from data.
import { isDeepStrictEqual } from 'node:util';
import { isSeq, parse, parseDocument, type Document, type ToStringOptions } from 'yaml';
import type { Period } from './schema.js';

// The first of these that gives back the unchanged file byte for byte is the
// file's own style; then the only difference after the edit is the new period.
const STYLES: ToStringOptions[] = [
  { lineWidth: 0, indentSeq: true },
  { lineWidth: 0, indentSeq: false },
];

function styleOf(text: string): ToStringOptions {
  return STYLES.find((style) => parseDocument(text).toString(style) === text) ?? STYLES[0];
}

/** The text of kwaliteit.yaml with `period` appended to `periods`. */
export function addPeriod(original: string, period: Period): string {
  // Editors on Windows may add a byte-order mark and CRLF line ends; both are kept.
  const bom = original.startsWith('\uFEFF') ? '\uFEFF' : '';
  const crlf = original.includes('\r\n');
  const text = original.slice(bom.length).replace(/\r\n/g, '\n');
  const doc: Document = parseDocument(text);
  const periods = doc.get('periods', true);
  if (!isSeq(periods)) throw new Error('kwaliteit.yaml has no list of periods');
  // Plain strings: under the YAML 1.2 core schema a date stays an unquoted scalar.
  periods.add(doc.createNode({ number: period.number, from: period.from, to: period.to }));
  const result = doc.toString(styleOf(text));
  // Belt and braces: what we write must read back as the old data plus the period.
  const before = parse(text) as { periods: unknown[] };
  const expected = { ...before, periods: [...before.periods, { ...period }] };
  if (!isDeepStrictEqual(parse(result), expected)) throw new Error('adding the period to kwaliteit.yaml changed other data');
  return bom + (crlf ? result.replace(/\n/g, '\r\n') : result);
}
