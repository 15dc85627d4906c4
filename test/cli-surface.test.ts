// The parts of the command line that commander writes itself (help pages and
// usage errors) must be Dutch, like everything else kwaliteit says. And Ctrl+C
// is a choice, not an error: it ends with a calm line, without "Fout:".
import { Argument, Command, Option } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { speakDutch } from '../src/cli/commander-nl.js';
import type { Io } from '../src/cli/io.js';
import { copyOf, snapshot, tempDir } from './helpers/folders.js';
import { runBin, runBinAsync, runMain } from './helpers/run.js';

const COMMANDS = ['init', 'check', 'new-cycle', 'add', 'import', 'status', 'upgrade', 'report', 'preview', 'schema'];

/** What commander says in English when nobody translates it. */
const ENGLISH = [
  /usage/i,
  /\barguments?\b/i,
  /\boptions\b/i,
  /\bcommands\b/i,
  /\[command\]/,
  /\bdefault\b/i,
  /\bchoices\b/i,
  /\bpreset\b/i,
  /\benv:/i,
  /display help/i,
  /output the version/i,
  /\bglobal\b/i,
  /\berror\b/i,
  /did you mean/i,
];

function expectDutch(text: string): void {
  for (const phrase of ENGLISH) expect(text, `"${phrase.source}" in:\n${text}`).not.toMatch(phrase);
}

describe('--help is Dutch', () => {
  it('is checked for every command kwaliteit has', async () => {
    const main = (await runMain(['--help'])).stdout;
    const listed = [...main.matchAll(/^ {2}([a-z][a-z-]*) /gm)].map((match) => match[1]).filter((name) => name !== 'help');
    expect([...COMMANDS].sort()).toEqual(listed.sort());
  });

  it.each([[['--help']], [['-h']], ...COMMANDS.flatMap((cmd) => [[[cmd, '--help']], [['help', cmd]]])])(
    'kwaliteit %j (in-process)',
    async (args) => {
      const result = await runMain(args);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(/^Gebruik: kwaliteit/);
      expect(result.stdout).toContain('-h, --help');
      expect(result.stdout).toContain('toon deze hulp');
      expectDutch(result.stdout);
    },
  );

  it('without a command: the help, on stderr, exit 2', async () => {
    const result = await runMain([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Gebruik: kwaliteit \[opties\] \[commando\]/);
    expectDutch(result.stderr);
  });

  // Child processes, all at once.
  it.concurrent.for([[[]], ...COMMANDS.map((cmd) => [[cmd]])])('kwaliteit %j --help (built binary)', async ([args], { expect }) => {
    const result = await runBinAsync([...args, '--help']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Gebruik: kwaliteit/);
    expectDutch(result.stdout);
  });

  it('shows the placeholders and defaults in Dutch', async () => {
    const main = (await runMain(['--help'])).stdout;
    expect(main).toMatch(/^Gebruik: kwaliteit \[opties\] \[commando\]\n/);
    expect(main).toContain('Commando\'s:');
    expect(main).toMatch(/^ {2}check \[opties\] \[mappen\.\.\.\] /m);
    expect(main).toMatch(/^ {2}help \[commando\] +toon hulp bij een commando$/m);
    expect(main).toContain('toon het versienummer');

    const check = (await runMain(['check', '--help'])).stdout;
    expect(check).toMatch(/^Gebruik: kwaliteit check \[opties\] \[mappen\.\.\.\]\n/);
    expect(check).toContain('Argumenten:');
    expect(check).toContain('Opties:');
    expect(check).toContain('(standaard: stylish)');

    expect((await runMain(['status', '--help'])).stdout).toContain('de map van de coalitie (standaard: de huidige map)');
    expect((await runMain(['schema', '--help'])).stdout).toContain('(standaard: bouwblad)');
  });

  it('translates what kwaliteit does not use yet: choices, presets, environment variables', () => {
    const program = speakDutch(new Command('proef'));
    program
      .command('kleur')
      .argument('[tint]', 'de tint', 'licht')
      .addOption(new Option('--kleur <kleur>', 'de kleur').choices(['rood', 'groen', 'blauw']).default('rood').env('PROEF_KLEUR'))
      .addOption(new Option('--toon [wat]', 'toon iets').preset('alles'))
      .option('--snel', 'snel');
    const help = program.commands[0].helpInformation().replace(/\s+/g, ' ');
    expect(help).toContain('Gebruik: proef kleur [opties] [tint]');
    expect(help).toContain('de tint (standaard: licht)');
    expect(help).toContain('de kleur (kies uit: rood, groen of blauw; standaard: rood; of zet de omgevingsvariabele PROEF_KLEUR)');
    expect(help).toContain('toon iets (zonder waarde: alles)');
    expect(program.helpInformation()).toContain('kleur [opties] [tint]');
    expect(program.helpInformation()).toContain('help [commando]');
    expectDutch(help);
    expectDutch(program.helpInformation());
  });
});

describe('usage errors are Dutch (exit 2)', () => {
  it.each([
    ['an unknown option, with a suggestion', ['check', '--formt', 'json'], 'De optie --formt bestaat niet. Bedoel je --format?\nTyp "kwaliteit check --help" voor hulp.\n'],
    ['an unknown option', ['status', '--zzz'], 'De optie --zzz bestaat niet.\nTyp "kwaliteit status --help" voor hulp.\n'],
    ['an unknown command, with a suggestion', ['chek'], 'Het commando "chek" bestaat niet. Bedoel je "check"?\nTyp "kwaliteit --help" voor hulp.\n'],
    ['an unknown command', ['opruimen'], 'Het commando "opruimen" bestaat niet.\nTyp "kwaliteit --help" voor hulp.\n'],
    ['an option without its value', ['check', '--format'], 'Na de optie --format moet een waarde staan: --format <soort>.\nTyp "kwaliteit check --help" voor hulp.\n'],
    [
      'too many arguments',
      ['status', 'Coalitie', 'Noord'],
      'Er zijn te veel waarden meegegeven: "status" verwacht er hoogstens 1, maar je gaf er 2.\nStaat er een spatie in een naam of een vraag? Zet die dan tussen aanhalingstekens, bijvoorbeeld "Coalitie Noord".\nTyp "kwaliteit status --help" voor hulp.\n',
    ],
  ])('%s', async (_, args, message) => {
    const result = await runMain(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(message);
    expectDutch(result.stderr);
  });

  it('the built binary says it in Dutch too', () => {
    const result = runBin(['chek']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('Het commando "chek" bestaat niet. Bedoel je "check"?\nTyp "kwaliteit --help" voor hulp.\n');
  });

  // kwaliteit has no required arguments, mandatory options, conflicts or choices
  // yet; a small program with the same settings shows those messages are ready.
  function proef(args: string[]): string {
    let stderr = '';
    const program = speakDutch(new Command('proef'))
      .exitOverride()
      .configureOutput({ writeOut: () => {}, writeErr: (text) => void (stderr += text) });
    program.command('lees').argument('<bestand>', 'het bestand').action(() => {});
    program.command('kies').argument('<dier>', 'een dier').addArgument(new Argument('[maat]', 'de maat').choices(['klein', 'groot'])).action(() => {});
    program.command('kleur').addOption(new Option('--kleur <kleur>').choices(['rood', 'groen']).env('PROEF_KLEUR')).action(() => {});
    program.command('maak').requiredOption('-n, --naam <naam>', 'de naam').action(() => {});
    program
      .command('toon')
      .addOption(new Option('--json').conflicts('tabel'))
      .addOption(new Option('--tabel').env('PROEF_TABEL'))
      .action(() => {});
    program.command('stat1').action(() => {});
    program.command('stat2').action(() => {});
    expect(() => program.parse(args, { from: 'user' })).toThrow();
    return stderr;
  }

  it.each([
    ['a missing required argument', ['lees'], 'Er ontbreekt een waarde: geef ook bestand op.\n'],
    ['a missing mandatory option', ['maak'], 'De optie -n, --naam <naam> is verplicht. Geef die ook mee.\n'],
    ['conflicting options', ['toon', '--json', '--tabel'], 'De optie --json en de optie --tabel gaan niet samen. Kies er één.\n'],
    ['a value that is not one of the choices', ['kleur', '--kleur', 'paars'], 'De waarde "paars" bij --kleur klopt niet. Kies uit: rood of groen.\n'],
    ['an argument that is not one of the choices', ['kies', 'kat', 'reus'], 'De waarde "reus" bij maat klopt niet. Kies uit: klein of groot.\n'],
    ['several suggestions', ['stat'], 'Het commando "stat" bestaat niet. Bedoel je "stat1" of "stat2"?\n'],
  ])('%s', (_, args, message) => {
    const stderr = proef(args);
    expect(stderr).toBe(message);
    expectDutch(stderr);
  });

  it('names an environment variable in a conflict or a wrong value', () => {
    vi.stubEnv('PROEF_TABEL', '1');
    vi.stubEnv('PROEF_KLEUR', 'paars');
    try {
      expect(proef(['toon', '--json'])).toBe('De optie --json en de omgevingsvariabele PROEF_TABEL gaan niet samen. Kies er één.\n');
      expect(proef(['kleur'])).toBe('De waarde "paars" in de omgevingsvariabele PROEF_KLEUR (voor --kleur) klopt niet. Kies uit: rood of groen.\n');
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('Ctrl+C', () => {
  afterEach(() => {
    vi.doUnmock('../src/cli/prompts.js');
    vi.doUnmock('../src/cli/interrupt.js');
    vi.resetModules();
  });

  it('in a question: a calm line, no "Fout:", exit code 2', async () => {
    const { errors } = await import('../src/errors.js');
    vi.doMock('../src/cli/prompts.js', () => ({
      canPrompt: () => true,
      askInitAnswers: vi.fn(async () => Promise.reject(errors.cancelled())),
    }));
    const root = tempDir();
    const result = await runMain(['init', root]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('Gestopt. Er is niets opgeslagen.\n');
    expect(snapshot(root)).toEqual({});
  });

  it.each([
    ['init', () => tempDir(), ['--name', 'Noord', '--lead', 'OBS De Linde', '--yes']],
    ['new-cycle', () => copyOf('examples/voorbeeldcoalitie'), ['--from', '2026-08-01', '--to', '2027-01-31', '--date', '2026-08-01']],
    ['add', () => copyOf('examples/voorbeeldcoalitie'), ['--bouwsteen', 'meso-samenhang', '--question', 'Hoe geven we kinderen een stem?', '--date', '2026-03-01']],
  ])('while %s writes: everything undone, the same calm line', async (command, folder, flags) => {
    // Ctrl+C already pressed when the command starts writing.
    vi.resetModules();
    vi.doMock('../src/cli/interrupt.js', () => ({
      interruptSignal: () => ({ signal: AbortSignal.abort(), dispose: () => {} }),
    }));
    const { main } = await import('../src/cli.js');
    const root = folder();
    const before = snapshot(root);
    let stderr = '';
    const io: Io = { stdout: () => {}, stderr: (text) => void (stderr += text), color: false, env: process.env, cwd: process.cwd() };
    const code = await main([command, root, ...flags], io);
    expect(code).toBe(2);
    expect(stderr).toBe('Gestopt. Er is niets opgeslagen.\n');
    expect(snapshot(root)).toEqual(before);
  });
});
