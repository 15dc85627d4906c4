// People type their answer where the template's guidance is: between <!-- and
// -->. Markdown hides all of that, so check would say "nog niet ingevuld" and
// the report would miss it, while she knows she wrote it. This rule finds the
// words that are hers (anything that is not guidance of ours, this version's or
// an earlier one), text after --> on the same line (Markdown keeps that inside
// the comment too), and a <!-- that is never closed.
import type { Html, RootContent } from 'mdast';
import type { MarkdownFile } from '../coalition/model.js';
import { isFilled, STEP_HEADING } from '../markdown/filling.js';
import type { ParsedBody } from '../markdown/sections.js';
import { knownComments, type KnownComments } from '../scaffold/guidance.js';
import { wordsBeyond, wordsOf } from '../text/extra-words.js';
import { andList } from '../text/lists.js';
import { defineRule, type Finding } from './rule.js';

/** At least this share of one of our texts must be there for a comment to count as ours, with words typed in. */
const OURS = 0.6;
/** Fewer words than this in a comment of their own are a note, not an answer. */
const ANSWER_WORDS = 4;

const MOVE_TEXT = 'Zet jullie tekst onder de regel met -->, met een lege regel ertussen (in plaats van de drie puntjes, als die er staan). De uitleg zelf mag blijven staan.';

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57).trimEnd()}…` : flat;
}

/** The line of `offset` in a node's value, counted from the top of the file. */
const lineAt = (node: Html, offset: number) => node.position!.start.line + (node.value.slice(0, offset).match(/\r\n|\r|\n/g)?.length ?? 0);

/** Per top-level node: is it inside a section (step or other `##`) that has content of its own? */
function sectionFilled(body: ParsedBody): (node: RootContent) => boolean | undefined {
  const starts = [
    ...body.steps.map((step) => ({ line: step.line, filled: step.filled })),
    ...body.otherSections.map((section) => ({ line: section.line, filled: isFilled(section.content) })),
  ].sort((a, b) => a.line - b.line);
  return (node) => [...starts].reverse().find((start) => start.line < node.position!.start.line)?.filled;
}

interface Comment {
  /** Offsets in the node's value: of "<!--", of its text, and after "-->" (undefined when never closed). */
  open: number;
  text: string;
  textStart: number;
  close?: number;
}

function commentsIn(value: string): { comments: Comment[]; outside: { text: string; start: number }[] } {
  const comments: Comment[] = [];
  const outside: { text: string; start: number }[] = [];
  let at = 0;
  while (at < value.length) {
    const open = value.indexOf('<!--', at);
    if (open < 0) {
      outside.push({ text: value.slice(at), start: at });
      break;
    }
    if (open > at) outside.push({ text: value.slice(at, open), start: at });
    const end = value.indexOf('-->', open + 4);
    comments.push({ open, text: value.slice(open + 4, end < 0 ? value.length : end), textStart: open + 4, ...(end < 0 ? {} : { close: end + 3 }) });
    if (end < 0) break;
    at = end + 3;
  }
  return { comments, outside };
}

interface References {
  /** Each of our texts as its words. */
  words: string[][];
  /** The same, each joined with single spaces: an untouched text of ours is found without comparing word by word. */
  exact: Set<string>;
}

function checkComment(file: MarkdownFile, node: Html, comment: Comment, filled: boolean | undefined, known: KnownComments, references: References, report: (f: Finding) => void) {
  if (known.isNote(comment.text)) return;
  const rest = known.withoutNotePrefix(comment.text);
  const skipped = comment.text.length - comment.text.trimStart().length + (comment.text.trim().length - rest.length);
  const words = wordsOf(rest);
  if (words.length === 0) return;
  // Nearly every comment is our guidance as the template put it; nothing was typed in it.
  if (references.exact.has(words.map((word) => word.key).join(' '))) return;
  // Of our texts that are mostly there, the one that leaves the fewest words over: those are what was typed.
  const best = references.words
    .map((reference) => ({ reference, ...wordsBeyond(words, reference) }))
    .filter((candidate) => candidate.matched >= OURS * candidate.reference.length)
    .sort((a, b) => a.extra.length - b.extra.length)[0];
  const ours = best !== undefined;
  if (ours) {
    if (best.extra.length === 0) return;
    // The typed words, with the question mark or full stop that ends them.
    const end = best.extra.at(-1)!.end;
    const typed = rest.slice(best.extra[0].start, end + (/^[?!.,;:)\]”"']*/.exec(rest.slice(end))?.[0].length ?? 0));
    if (!isFilled(typed)) return;
    report({
      file: file.path,
      line: lineAt(node, comment.textStart + skipped + best.extra[0].start),
      column: 1,
      message: `Hier staat tekst tussen <!-- en -->, in de uitleg: "${excerpt(typed)}". Wat tussen <!-- en --> staat, telt niet mee en komt niet in het rapport.`,
      hint: MOVE_TEXT,
    });
    return;
  }
  // A comment of their own next to written text is a note to themselves: that is what comments are for.
  // In an empty step, a few words ("nog doen", "kijk terug") are a note too; a sentence may be the answer.
  if (filled !== false || !isFilled(rest) || words.length < ANSWER_WORDS) return;
  report({
    file: file.path,
    line: lineAt(node, comment.textStart + skipped + words[0].start),
    column: 1,
    message: `Hier staat alleen tekst tussen <!-- en -->: "${excerpt(rest)}". Die telt niet mee, dus is deze stap nog leeg, en hij komt niet in het rapport.`,
    hint: `Is dit jullie antwoord? Haal dan <!-- en --> weg, of zet de tekst onder de regel met -->. Is het een aantekening voor jezelf, dan mag hij blijven staan.`,
  });
}

export default defineRule({
  id: 'text-in-comment',
  severity: 'warning',
  description:
    'Eigen tekst staat niet tussen <!-- en --> (daar telt ze niet mee en komt ze niet in het rapport), ook niet achter --> op dezelfde regel; elke <!-- wordt gesloten met --> (anders telt de rest van het bestand niet mee: dat is een fout).',
  check({ coalition, report }) {
    const known = knownComments(coalition.format);
    const words = known.texts.map((text) => wordsOf(text).map((word) => word.key));
    const references: References = { words, exact: new Set(words.map((keys) => keys.join(' '))) };
    for (const file of [...coalition.bouwbladen, ...coalition.bouwstenen]) {
      const body = file.body;
      if (!body) continue;
      const filledAt = sectionFilled(body);
      for (const node of body.tree.children) {
        if (node.type !== 'html' || !node.value.trimStart().startsWith('<!--') || !node.position) continue;
        const { comments, outside } = commentsIn(node.value);
        const unclosed = comments.find((comment) => comment.close === undefined);
        if (unclosed) {
          const swallowed = [...unclosed.text.matchAll(/^[ \t]{0,3}#{1,2}[ \t]+(.*)$/gm)]
            .map((match) => STEP_HEADING.exec(match[1].trim())?.[1])
            .filter((n): n is string => n !== undefined);
          report({
            file: file.path,
            line: lineAt(node, unclosed.open),
            column: 1,
            message: `Hier begint uitleg met <!--, maar die wordt nergens gesloten met -->. Alles vanaf hier tot het eind van het bestand telt daardoor niet mee en komt niet in het rapport${swallowed.length ? `, ook ${swallowed.length === 1 ? 'het kopje' : 'de kopjes'} van stap ${andList(swallowed)}` : ''}.`,
            hint: 'Zet --> aan het eind van de uitleg, op dezelfde regel of op een regel eronder.',
            severity: 'error',
          });
        }
        for (const comment of comments) if (comment !== unclosed) checkComment(file, node, comment, filledAt(node), known, references, report);
        const after = outside.find((part) => /\p{L}{2,}/u.test(part.text));
        if (after) {
          report({
            file: file.path,
            line: lineAt(node, after.start),
            column: 1,
            message: `Deze tekst staat achter --> op dezelfde regel: "${excerpt(after.text)}". Daardoor hoort hij nog bij de uitleg, en komt hij niet in het rapport.`,
            hint: 'Zet de tekst op een eigen regel onder -->, met een lege regel ertussen.',
          });
        }
      }
    }
  },
});
