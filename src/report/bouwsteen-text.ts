// The coalition's own words about a bouwsteen: the text under its title in
// bouwstenen/<id>.md. The loader keeps only the `##` sections, so the intro is
// read here, by lines: parsing the whole file again would cost more than the rest
// of the report.
import type { BouwsteenFile } from '../coalition/model.js';
import { readText } from '../coalition/read-file.js';
import { splitFrontMatter } from '../markdown/front-matter.js';
import { isFilled } from '../markdown/sections.js';

export interface MarkdownPart {
  markdown: string;
  /** Line in the file where the part starts. */
  line: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The Markdown between the `#` title and the first `##` heading, when there is real text. */
export async function readBouwsteenIntro(root: string, file: BouwsteenFile): Promise<MarkdownPart | undefined> {
  if (!file.readable) return undefined;
  const { text } = await readText(root, file.path);
  if (text === undefined) return undefined;
  const { body, bodyLineOffset } = splitFrontMatter(text);
  const lines = body.split('\n');
  let start = 0;
  let end = lines.length;
  let fence: string | undefined;
  let seenTitle = false;
  for (let i = 0; i < lines.length; i++) {
    const fenceMatch = FENCE.exec(lines[i]);
    if (fenceMatch) {
      if (!fence) fence = fenceMatch[1][0];
      else if (fenceMatch[1][0] === fence) fence = undefined;
      continue;
    }
    if (fence) continue;
    if (!seenTitle && /^ {0,3}#(\s|$)/.test(lines[i])) {
      seenTitle = true;
      start = i + 1;
    } else if (/^ {0,3}#{1,2}(\s|$)/.test(lines[i])) {
      end = i;
      break;
    }
  }
  const markdown = lines.slice(start, end).join('\n');
  if (!isFilled(markdown)) return undefined;
  return { markdown, line: start + 1 + bodyLineOffset };
}
