// A markdownlint custom rule for the benchmark's peer: every bouwblad
// (bouwbladen/<id>/periode-<n>.md) has the four "## Stap N …" headings, in order.
// It tolerates the same variations kwaliteit check does ("-" or "–", case,
// spacing), so both tools are asked the same question about the same files.
'use strict';

const STEP = /^stap\s+(\d+)\b/i;
const BOUWBLAD = /(^|[\\/])bouwbladen[\\/][^\\/]+[\\/]periode-\d+\.md$/;

/** @type {import("markdownlint").Rule} */
module.exports = {
  names: ['kwaliteit-required-steps'],
  description: 'Een bouwblad heeft de vier koppen "## Stap 1" tot en met "## Stap 4", in deze volgorde',
  tags: ['kwaliteit', 'headings'],
  parser: 'micromark',
  function: (params, onError) => {
    if (!BOUWBLAD.test(params.name)) return;
    const found = [];
    // Top-level tokens only: a heading inside a list or quote is not a step.
    for (const token of params.parsers.micromark.tokens) {
      if (token.type !== 'atxHeading') continue;
      const sequence = token.children.find((child) => child.type === 'atxHeadingSequence');
      const text = token.children.find((child) => child.type === 'atxHeadingText');
      if (!sequence || !text || sequence.text.length !== 2) continue;
      const match = STEP.exec(text.text.trim());
      if (match) found.push({ number: Number(match[1]), line: token.startLine });
    }
    const lastLine = Math.max(1, params.lines.length);
    let expected = 1;
    for (const step of found) {
      if (step.number !== expected) {
        onError({ lineNumber: step.line, detail: `Verwacht "Stap ${expected}", gevonden "Stap ${step.number}".` });
        return;
      }
      expected += 1;
    }
    if (expected <= 4) onError({ lineNumber: lastLine, detail: `"## Stap ${expected}" ontbreekt.` });
  },
};
