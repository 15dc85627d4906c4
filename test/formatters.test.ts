import { describe, expect, it } from 'vitest';
import type { CheckResult, CoalitionResult } from '../src/check/result.js';
import { choiceOf } from '../src/cli/options.js';
import { FORMATTER_NAMES, formatters, github, githubSummary, json, stylish } from '../src/formatters/index.js';

// eslint-style check for any ANSI escape sequence.
const ANSI = /\u001b\[[0-9;]*m/;

function coalition(overrides: Partial<CoalitionResult> = {}): CoalitionResult {
  return {
    dir: 'examples/voorbeeldcoalitie',
    root: '/repo/examples/voorbeeldcoalitie',
    name: 'Coalitie Kansrijk Rivierstad',
    diagnostics: [
      {
        file: 'bouwbladen/meso-samenwerking/periode-2.md',
        line: 18,
        column: 1,
        ruleId: 'steps-filled',
        severity: 'error',
        message: 'Stap 2 is nog niet ingevuld.',
        hint: 'Schrijf jullie doelen en acties onder "## Stap 2".',
      },
      {
        file: 'bouwbladen/meso-samenwerking/periode-2.md',
        line: 24,
        column: 3,
        ruleId: 'smart-goals',
        severity: 'warning',
        message: 'Dit doel noemt geen datum.',
      },
      {
        file: 'kwaliteit.yaml',
        ruleId: 'config-municipality',
        severity: 'warning',
        message: 'Er staat geen gemeente in kwaliteit.yaml.',
        hint: 'Zet de gemeente onder municipality.',
      },
    ],
    summary: {
      period: { number: 2, from: '2026-02-01', to: '2026-07-31' },
      bouwstenenComplete: 7,
      bouwstenenTotal: 9,
      bouwbladenComplete: 14,
      bouwbladenTotal: 17,
      extraComplete: 7,
      extraTotal: 8,
      phase: 'running',
      daysLeft: 152,
      errors: 1,
      warnings: 2,
    },
    ...overrides,
  };
}

function result(results: CoalitionResult[] = [coalition()]): CheckResult {
  return {
    date: '2026-03-01',
    final: false,
    results,
    errors: results.reduce((n, r) => n + r.summary.errors, 0),
    warnings: results.reduce((n, r) => n + r.summary.warnings, 0),
  };
}

const clean = (dir: string, name?: string): CoalitionResult =>
  coalition({
    dir,
    name,
    diagnostics: [],
    summary: { bouwstenenComplete: 0, bouwstenenTotal: 9, bouwbladenComplete: 0, bouwbladenTotal: 0, errors: 0, warnings: 0 },
  });

describe('stylish', () => {
  it('prints plain text without colour, grouped per file, with hints and a Dutch summary', () => {
    const out = stylish(result(), { color: false });
    expect(out).not.toMatch(ANSI);
    expect(out).toBe(
      [
        'bouwbladen/meso-samenwerking/periode-2.md',
        '  18:1  fout          Stap 2 is nog niet ingevuld.  steps-filled',
        '    → Schrijf jullie doelen en acties onder "## Stap 2".',
        '  24:3  waarschuwing  Dit doel noemt geen datum.  smart-goals',
        '',
        'kwaliteit.yaml',
        '        waarschuwing  Er staat geen gemeente in kwaliteit.yaml.  config-municipality',
        '    → Zet de gemeente onder municipality.',
        '',
        'Periode 2 (1 februari 2026 – 31 juli 2026, nog 152 dagen): 7 van de 9 verplichte bouwbladen zijn klaar, en 7 van de 8 extra bouwbladen. 1 fout en 2 waarschuwingen.',
        '',
      ].join('\n'),
    );
  });

  it('colours when asked', () => {
    const out = stylish(result(), { color: true });
    expect(out).toMatch(ANSI);
    // Colour never changes the words.
    expect(out.replace(new RegExp(ANSI.source, 'g'), '')).toBe(stylish(result(), { color: false }));
  });

  it('says all is well, and that there is no period yet, when there is nothing to report', () => {
    const out = stylish(result([clean('.', 'Coalitie Noord')]), { color: false });
    expect(out).toBe(
      'Alles in orde.\nEr is nog geen periode begonnen, dus er is nog niets te tellen. Geen fouten en geen waarschuwingen.\n',
    );
  });

  it('does not talk about periods when kwaliteit.yaml itself is broken', () => {
    const broken = { ...clean('.'), diagnostics: [{ file: 'kwaliteit.yaml', line: 24, ruleId: 'config-schema', severity: 'error' as const, message: 'x' }] };
    broken.summary = { ...broken.summary, errors: 1 };
    const out = stylish(result([broken]), { color: false });
    expect(out).toContain('Zonder goede kwaliteit.yaml kan ik de voortgang niet tellen. 1 fout en geen waarschuwingen.');
    expect(out).not.toContain('periode');
  });

  it('does not count anything for a folder that could not be checked', () => {
    const failed = clean('geen-coalitie');
    failed.failed = true;
    failed.diagnostics = [{ file: '', ruleId: 'coalition-found', severity: 'error', message: 'Hier staat geen kwaliteit.yaml.' }];
    const out = stylish(result([failed]), { color: false });
    expect(out).toBe('geen-coalitie\n    fout  Hier staat geen kwaliteit.yaml.  coalition-found\n\nDeze map kon niet worden gecontroleerd.\n');
    expect(out).not.toContain('Alles in orde');
    expect(JSON.parse(json(result([failed]))).coalitions[0].failed).toBe(true);
  });

  it('uses singular and plural', () => {
    const one = coalition();
    one.summary = { ...one.summary, errors: 2, warnings: 1 };
    expect(stylish(result([one]), { color: false })).toContain('2 fouten en 1 waarschuwing.');
  });

  it('prefixes files with the coalition folder when several coalitions are checked', () => {
    const out = stylish(result([coalition({ dir: 'regio/noord' }), clean('regio/zuid', 'Coalitie Zuid')]), { color: false });
    expect(out).toContain('Coalitie Kansrijk Rivierstad (regio/noord)\n');
    expect(out).toContain('\nregio/noord/bouwbladen/meso-samenwerking/periode-2.md\n');
    expect(out).toContain('\nregio/noord/kwaliteit.yaml\n');
    expect(out).toContain('Coalitie Zuid (regio/zuid)\nAlles in orde.\n');
    expect(out).toMatch(/2 coalities gecontroleerd: 1 fout en 2 waarschuwingen\.\n$/);
  });
});

describe('json', () => {
  it('parses and has the documented shape, with null for what is unknown', () => {
    const text = json(result([coalition(), clean('.')]));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "version": 1,\n');
    const data = JSON.parse(text);
    expect(Object.keys(data)).toEqual(['version', 'date', 'final', 'errors', 'warnings', 'coalitions']);
    expect(data).toMatchObject({ version: 1, date: '2026-03-01', final: false, errors: 1, warnings: 2 });
    const [first, second] = data.coalitions;
    expect(Object.keys(first)).toEqual(['dir', 'name', 'failed', 'summary', 'diagnostics']);
    expect(first.summary).toEqual({
      period: { number: 2, from: '2026-02-01', to: '2026-07-31' },
      bouwstenenComplete: 7,
      bouwstenenTotal: 9,
      bouwbladenComplete: 14,
      bouwbladenTotal: 17,
      errors: 1,
      warnings: 2,
    });
    for (const d of first.diagnostics) {
      expect(Object.keys(d)).toEqual(['file', 'line', 'column', 'ruleId', 'severity', 'message', 'hint']);
    }
    expect(first.diagnostics[1].hint).toBeNull();
    expect(first.diagnostics[2]).toMatchObject({ line: null, column: null });
    expect(second).toMatchObject({ dir: '.', name: null, failed: false, diagnostics: [] });
    expect(second.summary.period).toBeNull();
    // The absolute path is the machine's business, not part of the promised shape.
    expect(text).not.toContain('/repo/');
  });
});

describe('github', () => {
  it('prints one annotation per finding, with the path from the repository root', () => {
    expect(github(result())).toBe(
      [
        '::error file=examples/voorbeeldcoalitie/bouwbladen/meso-samenwerking/periode-2.md,line=18,col=1,title=steps-filled::Stap 2 is nog niet ingevuld. — Schrijf jullie doelen en acties onder "## Stap 2".',
        '::warning file=examples/voorbeeldcoalitie/bouwbladen/meso-samenwerking/periode-2.md,line=24,col=3,title=smart-goals::Dit doel noemt geen datum.',
        '::warning file=examples/voorbeeldcoalitie/kwaliteit.yaml,title=config-municipality::Er staat geen gemeente in kwaliteit.yaml. — Zet de gemeente onder municipality.',
        '',
      ].join('\n'),
    );
  });

  it('escapes %, newlines, and in properties also : and ,', () => {
    const tricky = coalition({
      dir: '.',
      diagnostics: [
        {
          file: 'bouwbladen/a,b:c%/periode-1.md',
          line: 3,
          ruleId: 'rule:x,y',
          severity: 'warning',
          message: '100% klaar:\r\nnog 1, twee',
          hint: 'regel 1\nregel 2',
        },
      ],
    });
    expect(github(result([tricky]))).toBe(
      '::warning file=bouwbladen/a%2Cb%3Ac%25/periode-1.md,line=3,title=rule%3Ax%2Cy::100%25 klaar:%0D%0Anog 1, twee — regel 1%0Aregel 2\n',
    );
  });

  it('points a finding about the folder itself at the folder', () => {
    const missing = clean('nope');
    missing.failed = true;
    missing.diagnostics = [{ file: '.', ruleId: 'dir-not-found', severity: 'error', message: 'De map bestaat niet.' }];
    expect(github(result([missing]))).toBe('::error file=nope,title=dir-not-found::De map bestaat niet.\n');
    expect(stylish(result([missing]), { color: false })).toMatch(/^nope\n/);
  });

  it('prints nothing when there is nothing to report', () => {
    expect(github(result([clean('.')]))).toBe('');
  });

  it('writes a Markdown summary whose table cells cannot break the table', () => {
    const piped = coalition({
      diagnostics: [
        { file: 'bouwbladen/x|y/periode-1.md', line: 2, ruleId: 'raw-html', severity: 'warning', message: 'a | b\nc <div>' },
      ],
      summary: { ...coalition().summary, errors: 0, warnings: 1 },
    });
    const md = githubSummary(result([piped]));
    expect(md).toContain('| Bestand | Regel | Soort | Melding |');
    expect(md).toContain(
      '| examples/voorbeeldcoalitie/bouwbladen/x\\|y/periode-1.md | 2 | waarschuwing | a \\| b<br>c &lt;div&gt; (raw-html) |',
    );
    expect(md).toContain('- **Coalitie Kansrijk Rivierstad (examples/voorbeeldcoalitie)**: Periode 2 (1 februari 2026 – 31 juli 2026, nog 152 dagen)');
    expect(md).toContain('Geen fouten en 1 waarschuwing.');
    // Every table row has exactly the four cell separators plus the edges.
    for (const row of md.split('\n').filter((line) => line.startsWith('| '))) {
      expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(6);
    }
  });

  it('says all is well in the summary when there are no findings', () => {
    const md = githubSummary(result([clean('.')]));
    expect(md).toContain('Alles in orde.');
    expect(md).not.toContain('| Bestand |');
  });
});

describe('the formatter table', () => {
  it('offers stylish, json and github, all callable the same way', () => {
    expect(FORMATTER_NAMES).toEqual(['stylish', 'json', 'github']);
    expect(Object.keys(formatters)).toEqual([...FORMATTER_NAMES]);
    const parse = choiceOf('--format', FORMATTER_NAMES, 'die uitvoer bestaat niet');
    expect(parse('json')).toBe('json');
    expect(() => parse('toString')).toThrow(/De waarde "toString" bij --format klopt niet: die uitvoer bestaat niet/);
    for (const name of FORMATTER_NAMES) {
      expect(typeof formatters[name](result(), { color: false })).toBe('string');
    }
  });
});
