// Where each key and value of a parsed YAML document starts, as plain data: it
// can be kept in the parse cache (src/coalition/disk-cache.ts) and asked again
// later without the yaml package, which is much of what a run costs to load.
export interface Position {
  line: number;
  column: number;
}

export interface YamlProblem extends Position {
  message: string;
  hint?: string;
}

/** A node of the document: its start, and for a map or a list where its children start. */
export type PositionNode =
  | { kind: 'map'; at?: Position; pairs: { key: string; keyAt?: Position; value: PositionNode | null }[] }
  | { kind: 'seq'; at?: Position; items: (PositionNode | null)[] }
  | { kind: 'other'; at?: Position };

/** The YAML of a file, as everything after parsing needs it; plain data (see locatable) apart from its two questions. */
export interface ParsedYaml {
  data: unknown;
  problems: YamlProblem[];
  /** The document's top node; null for an empty document. */
  positions: PositionNode | null;
  /** Position of the value at `path`, or of its closest existing parent. */
  locate(path: ReadonlyArray<PropertyKey>): Position;
  /** Position of the key at `path` (for unknown keys), falling back to locate(). */
  locateKey(path: ReadonlyArray<PropertyKey>): Position;
}

export type PlainYaml = Pick<ParsedYaml, 'data' | 'problems' | 'positions'>;

const START: Position = { line: 1, column: 1 };

function walk(top: PositionNode | null, path: ReadonlyArray<PropertyKey>, wantKey: boolean): Position {
  let node = top;
  let best = node?.at ?? START;
  for (const segment of path) {
    if (node?.kind === 'map') {
      // The first pair with that name, as the yaml package finds it.
      const pair = node.pairs.find((item) => item.key === String(segment));
      if (!pair) return best;
      if (pair.keyAt) best = pair.keyAt;
      node = pair.value;
      if (!wantKey && node?.at) best = node.at;
    } else if (node?.kind === 'seq' && typeof segment === 'number') {
      const item = node.items[segment];
      if (!item) return best;
      node = item;
      if (item.at) best = item.at;
    } else {
      return best;
    }
  }
  return best;
}

/** The plain parts with the two questions added back. */
export function locatable(plain: PlainYaml): ParsedYaml {
  const { data, problems, positions } = plain;
  return {
    data,
    problems,
    positions,
    locate: (path) => walk(positions, path, false),
    locateKey: (path) => walk(positions, path, true),
  };
}

/** The plain parts only, for keeping. */
export const plainYaml = ({ data, problems, positions }: ParsedYaml): PlainYaml => ({ data, problems, positions });
