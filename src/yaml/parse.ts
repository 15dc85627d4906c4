// YAML parsing with positions, so every problem can point at a line.
// We use the `yaml` package with the YAML 1.2 core schema: unquoted dates stay
// strings ("2025-09-01"), so no time zone can ever shift a day.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { locatable, type ParsedYaml, type Position, type PositionNode, type YamlProblem } from './locate.js';

export type { ParsedYaml, Position, YamlProblem };

const SMART_QUOTES = /[\u2018\u2019\u201C\u201D\u201E\u201A]/;

function explain(code: string, source: string, line: number): { message: string; hint?: string } {
  const text = source.split(/\r?\n/)[line - 1] ?? '';
  switch (code) {
    case 'TAB_AS_INDENT':
      return {
        message: 'Er staat een tab aan het begin van de regel. YAML accepteert alleen spaties om in te springen.',
        hint: 'Vervang de tab door twee spaties.',
      };
    case 'DUPLICATE_KEY':
      return {
        message: 'Deze naam staat twee keer in de kop van het bestand.',
        hint: 'Laat één van de twee staan en haal de andere weg.',
      };
    case 'MISSING_CHAR':
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BAD_INDENT':
    case 'UNEXPECTED_TOKEN':
    case 'BLOCK_AS_IMPLICIT_KEY':
    default:
      if (SMART_QUOTES.test(text)) {
        return {
          message: 'Deze regel heeft krullende aanhalingstekens (“ ” of ‘ ’), bijvoorbeeld uit Word of e-mail. Die snapt YAML niet als aanhalingstekens.',
          hint: 'Vervang ze door gewone aanhalingstekens (") of laat ze weg.',
        };
      }
      return {
        message: 'De regel kan niet worden gelezen: de opmaak (YAML) klopt hier niet.',
        hint: 'Kijk of elke regel de vorm "naam: waarde" heeft, of de inspringing met spaties klopt en of aanhalingstekens gesloten zijn. Tekst met een dubbele punt zet je tussen aanhalingstekens.',
      };
  }
}

/** Parses YAML text; for front-matter the text keeps its place in the file, so lines are the file's. */
export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const at = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };

  const problems: YamlProblem[] = [];
  for (const error of doc.errors) {
    const pos = at(error.pos[0]);
    // One mistake often trips several parser errors on its line; the first says it best.
    if (problems.some((p) => p.line === pos.line)) continue;
    problems.push({ ...pos, ...explain(error.code, text, pos.line) });
  }

  let data: unknown = undefined;
  if (problems.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 50 });
    } catch {
      // In practice only the alias limit: a "billion laughs" of &anchors and *references.
      problems.push({
        line: 1,
        column: 1,
        message: 'De kop van het bestand kan niet worden gelezen: er staan te veel verwijzingen (& en *) in.',
        hint: 'Schrijf de waarden gewoon uit, zonder & en *.',
      });
    }
  }

  // Every node's start, once: what locate() needs, as plain data.
  const positionsOf = (node: Node | null | undefined): PositionNode | null => {
    if (!node) return null;
    const start = node.range ? at(node.range[0]) : undefined;
    if (isMap(node)) {
      const pairs = node.items.flatMap((item) =>
        isScalar(item.key) ? [{ key: String(item.key.value), keyAt: item.key.range ? at(item.key.range[0]) : undefined, value: positionsOf(item.value as Node | null) }] : [],
      );
      return { kind: 'map', at: start, pairs };
    }
    if (isSeq(node)) return { kind: 'seq', at: start, items: node.items.map((item) => positionsOf(item as Node | null)) };
    return { kind: 'other', at: start };
  };

  return locatable({ data, problems, positions: positionsOf(doc.contents as Node | null) });
}
