// Turns zod issues into Dutch sentences a coordinator understands.
import type { core } from 'zod';

const typeNames: Record<string, string> = {
  string: 'tekst',
  number: 'een getal',
  int: 'een heel getal',
  boolean: 'true of false',
  array: 'een lijst',
  object: 'een lijst van namen met waarden',
  date: 'een datum',
};

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

const MAX_QUOTED = 60;

function quoteShort(text: string): string {
  const line = text.split(/\r\n|\r|\n/)[0].replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  return line.length > MAX_QUOTED || line !== text ? `${line.slice(0, MAX_QUOTED)}…` : line;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'niets';
  if (value === null) return 'een lege waarde';
  if (Array.isArray(value)) return 'een lijst';
  if (typeof value === 'object') return 'een lijst van namen met waarden';
  // A value is quoted to show what was written, never a whole file: one line, not too long.
  if (typeof value === 'string') return `"${quoteShort(value)}"`;
  return String(value);
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment + 1}]` : `${index ? '.' : ''}${String(segment)}`))
    .join('');
}

export interface IssueText {
  message: string;
  hint?: string;
  /** Set when the issue is a name that is not there at all: then where to put it is worth saying. */
  missing?: string;
}

/** A Dutch message for one zod issue; schema-level custom messages win. */
export function describeIssue(issue: core.$ZodIssue, data: unknown): IssueText {
  const name = formatPath(issue.path) || 'de kop';
  const value = valueAt(data, issue.path);
  // A name that is not there: "ontbreekt", never "… is niets". The schema's own hint says what to write.
  if (issue.code === 'invalid_type' && issue.path.length > 0 && value === undefined) {
    const own = issue.message && !issue.message.startsWith('Invalid') ? issue.message.split('\n')[1] : undefined;
    return { message: `"${name}" ontbreekt.`, ...(own ? { hint: own } : {}), missing: String(issue.path.at(-1)) };
  }
  // Messages written in the schema itself (with { error: … }) are already Dutch.
  if (issue.message && !issue.message.startsWith('Invalid') && !issue.message.startsWith('Too ') && !issue.message.startsWith('Unrecognized')) {
    const [message, hint] = issue.message.split('\n');
    return { message: message.replaceAll('{name}', name).replaceAll('{value}', describeValue(value)), hint };
  }
  switch (issue.code) {
    case 'invalid_type':
      if (issue.path.length === 0) {
        // The whole file (or front-matter) is a list or a single value instead of "name: value" lines.
        return {
          message: `Dit moeten regels zijn in de vorm "naam: waarde", maar het is ${describeValue(value)}.`,
          hint: 'Begin elke regel met een naam, een dubbele punt en dan de waarde, bijvoorbeeld "name: Coalitie Noord".',
        };
      }
      return {
        message: `"${name}" moet ${typeNames[issue.expected] ?? issue.expected} zijn, maar is ${describeValue(value)}.`,
      };
    case 'too_small':
      return issue.origin === 'array'
        ? { message: `"${name}" mag geen lege lijst zijn.` }
        : { message: `"${name}" is leeg.`, hint: 'Vul een waarde in.' };
    case 'invalid_value':
      return {
        message: `"${name}" is ${describeValue(value)}, maar moet één van deze waarden zijn: ${issue.values.map(String).join(', ')}.`,
      };
    default:
      return { message: `"${name}" klopt niet (${describeValue(value)}).` };
  }
}
