import { defineRule } from './rule.js';

export default defineRule({
  id: 'raw-html',
  severity: 'warning',
  description: 'Bouwstenen en bouwbladen bevatten geen HTML-code; die komt niet in het rapport. Uitleg tussen <!-- --> mag wel.',
  check({ coalition, report }) {
    for (const file of [...coalition.bouwstenen, ...coalition.bouwbladen]) {
      for (const html of file.body?.html ?? []) {
        // Comments, also one never closed or with text after it, are text-in-comment's.
        if (html.value.trimStart().startsWith('<!--')) continue;
        const snippet = html.value.replace(/\s+/g, ' ').trim().slice(0, 40);
        report({
          file: file.path,
          line: html.line,
          column: html.column,
          message: `Hier staat HTML-code (${snippet}). Die wordt niet in het rapport getoond.`,
          quote: snippet,
          hint: 'Schrijf gewone tekst. Voor opmaak: **vet**, *schuin*, een lijst met "- ", een kopje met "### ".',
        });
      }
    }
  },
});
