// The loaded coalition. The shapes of kwaliteit.yaml and of the front-matter
// come from their schemas, so a field added there appears here by itself.
import type { ConfigData, Period } from '../config/schema.js';
import type { Diagnostic } from '../diagnostic.js';
import type { Format } from '../format/format.js';
import type { ParsedBody } from '../markdown/sections.js';
import type { ParsedYaml } from '../yaml/parse.js';
import type { BouwbladFrontMatterData } from './front-matter-schema.js';

export type { Period };

/** kwaliteit.yaml as the schema reads it, with the subsidy period also as two years. */
export type Config = Pick<ConfigData, 'name' | 'lead' | 'municipality' | 'subsidyPeriod' | 'format' | 'periods'> & {
  /** First and last year of the subsidy period. */
  subsidyYears: [number, number];
};

export interface ConfigFile {
  /** Relative path (kwaliteit.yaml). */
  path: string;
  /** Present when the file was read and passed the schema. */
  config?: Config;
  /** The raw YAML data, also when the schema failed (rules can still look at it). */
  data: unknown;
  /** The file's text exactly as on disk (a byte-order mark included), when it could be read. */
  text?: string;
  yaml?: ParsedYaml;
}

export interface MarkdownFile {
  /** Relative to the coalition folder, with forward slashes. */
  path: string;
  /** The raw front-matter data; undefined when unreadable. */
  data?: Record<string, unknown>;
  yaml?: ParsedYaml;
  body?: ParsedBody;
  /** The file's own line end (the majority; a tie is LF), so what is written from it can match. */
  lineEnd?: '\r\n' | '\n';
  /** False when the file could not be read or its front-matter is broken. */
  readable: boolean;
}

export type BouwbladFrontMatter = Pick<BouwbladFrontMatterData, 'level' | 'aspect' | 'period' | 'mandatory' | 'question' | 'links' | 'contributors' | 'previous'>;

export interface BouwbladFile extends MarkdownFile {
  /** The folder name under bouwbladen/. */
  id: string;
  /** The period number in the file name, when the name has one. */
  filePeriod?: number;
  /** Present when the front-matter passed the schema. */
  frontMatter?: BouwbladFrontMatter;
}

export interface BouwsteenFile extends MarkdownFile {
  /** The file name without .md. */
  id: string;
}

export interface Coalition {
  /** Absolute path of the coalition folder. */
  root: string;
  config: ConfigFile;
  format: Format;
  bouwstenen: BouwsteenFile[];
  bouwbladen: BouwbladFile[];
  /** Relative paths of files that belong to nothing in the folder contract. */
  strayFiles: string[];
  /** The coalition's own format file (format: ./ons-format.yaml), relative; absent for a bundled format. */
  formatFile?: string;
  /** Problems found while loading: unreadable files, broken YAML, schema errors. */
  diagnostics: Diagnostic[];
}
