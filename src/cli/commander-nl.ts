// Commander writes its help pages and error messages in English. Everything it
// writes itself is put into Dutch here, through its documented hooks: overrides
// of the Help class via configureHelp(), the help option and help command
// descriptions, and a translation of the messages passed to outputError.
import type { Argument, Command, HelpConfiguration, Option } from 'commander';
import { orList } from '../text/lists.js';

const TITLES: Record<string, string> = {
  'Usage:': 'Gebruik:',
  'Arguments:': 'Argumenten:',
  'Options:': 'Opties:',
  'Commands:': 'Commando\'s:',
  'Global Options:': 'Algemene opties:',
};


function showValue(value: unknown): string {
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (Array.isArray(value)) return value.map(showValue).join(', ');
  return JSON.stringify(value);
}

function argumentTerm(argument: Argument): string {
  const name = `${argument.name()}${argument.variadic ? '...' : ''}`;
  return argument.required ? `<${name}>` : `[${name}]`;
}

/** The placeholders commander puts in a usage line, in Dutch. */
function usage(cmd: Command): string {
  return cmd
    .usage()
    .replace(/\[options\]/g, '[opties]')
    .replace(/\[command\]/g, '[commando]');
}

function withExtra(description: string, extra: string[]): string {
  if (extra.length === 0) return description;
  return description ? `${description} (${extra.join('; ')})` : `(${extra.join('; ')})`;
}

export const dutchHelp: HelpConfiguration = {
  styleTitle: (title) => TITLES[title] ?? title,

  // "Usage: kwaliteit check [options] [mappen...]"
  commandUsage(cmd) {
    const names: string[] = [];
    for (let ancestor = cmd.parent; ancestor; ancestor = ancestor.parent) names.unshift(ancestor.name());
    const alias = cmd.aliases()[0];
    names.push(alias ? `${cmd.name()}|${alias}` : cmd.name());
    return `${names.join(' ')} ${usage(cmd)}`.trimEnd();
  },

  // "check [options] [mappen...]" in the list of commands
  subcommandTerm(cmd) {
    const alias = cmd.aliases()[0];
    return [
      alias ? `${cmd.name()}|${alias}` : cmd.name(),
      ...(cmd.options.length > 0 ? ['[opties]'] : []),
      ...cmd.registeredArguments.map(argumentTerm),
    ].join(' ');
  },

  // "(default: …)", "(choices: …)", "(preset: …)", "(env: …)"
  optionDescription(option: Option) {
    const extra: string[] = [];
    if (option.argChoices) extra.push(`kies uit: ${orList(option.argChoices)}`);
    if (option.defaultValue !== undefined) {
      // Like commander: a default only means something to a user for options that take a value.
      const show = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
      if (show) extra.push(`standaard: ${option.defaultValueDescription ?? showValue(option.defaultValue)}`);
    }
    if (option.presetArg !== undefined && option.optional) extra.push(`zonder waarde: ${showValue(option.presetArg)}`);
    if (option.envVar !== undefined) extra.push(`of zet de omgevingsvariabele ${option.envVar}`);
    return withExtra(option.description, extra);
  },

  argumentDescription(argument: Argument) {
    const extra: string[] = [];
    if (argument.argChoices) extra.push(`kies uit: ${orList(argument.argChoices)}`);
    if (argument.defaultValue !== undefined)
      extra.push(`standaard: ${argument.defaultValueDescription ?? showValue(argument.defaultValue)}`);
    return withExtra(argument.description, extra);
  },
};

/** "--format <soort>" → "--format"; "-y, --yes" → "--yes" */
function optionName(flags: string): string {
  const names = flags.split(/[ ,|]+/).filter((part) => part.startsWith('-'));
  return names.find((name) => name.startsWith('--')) ?? names[0] ?? flags;
}

/** commander's "(Did you mean x?)" and "(Did you mean one of x, y?)" */
function suggestions(text: string | undefined, quote: (name: string) => string): string {
  if (!text) return '';
  return ` Bedoel je ${orList(text.split(', ').map(quote))}?`;
}

/** The reason commander adds to an invalid value; our own reasons are Dutch already. */
function reason(why: string | undefined): string {
  if (!why) return '';
  const choices = /^Allowed choices are (.+)\.$/.exec(why);
  return ` ${choices ? `Kies uit: ${orList(choices[1].split(', '))}.` : why}`;
}

function subject(kind: string, name: string): string {
  return kind === 'option' ? `de optie ${optionName(name)}` : `de omgevingsvariabele ${name}`;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const SPACES_HINT = 'Staat er een spatie in een naam of een vraag? Zet die dan tussen aanhalingstekens, bijvoorbeeld "Coalitie Noord".';

const MESSAGES: Array<[RegExp, (...groups: string[]) => string]> = [
  [
    /^error: unknown option '(.+?)'(?:\n\(Did you mean (?:one of )?(.+)\?\))?$/,
    (option, suggestion) => `De optie ${option} bestaat niet.${suggestions(suggestion, (s) => s)}`,
  ],
  [
    /^error: unknown command '(.+?)'(?:\n\(Did you mean (?:one of )?(.+)\?\))?$/,
    (command, suggestion) => `Het commando "${command}" bestaat niet.${suggestions(suggestion, (s) => `"${s}"`)}`,
  ],
  [
    /^error: option '(.+)' argument missing$/,
    (flags) => `Na de optie ${optionName(flags)} moet een waarde staan: ${flags}.`,
  ],
  [/^error: missing required argument '(.+)'$/, (name) => `Er ontbreekt een waarde: geef ook ${name} op.`],
  [
    /^error: too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (command, expected, got) =>
      `Er zijn te veel waarden meegegeven: ${command ? `"${command}"` : 'kwaliteit'} verwacht er ${
        expected === '0' ? 'geen' : `hoogstens ${expected}`
      }, maar je gaf er ${got}.\n${SPACES_HINT}`,
  ],
  [/^error: required option '(.+)' not specified$/, (flags) => `De optie ${flags} is verplicht. Geef die ook mee.`],
  [
    /^error: (option|environment variable) '(.+?)' cannot be used with (option|environment variable) '(.+?)'$/,
    (kindA, a, kindB, b) => `${capital(subject(kindA, a))} en ${subject(kindB, b)} gaan niet samen. Kies er één.`,
  ],
  [
    /^error: option '(.+?)' argument '([\s\S]*)' is invalid\.(?: ([\s\S]*))?$/,
    (flags, value, why) => `De waarde "${value}" bij ${optionName(flags)} klopt niet.${reason(why)}`,
  ],
  [
    /^error: option '(.+?)' value '([\s\S]*)' from env '(.+?)' is invalid\.(?: ([\s\S]*))?$/,
    (flags, value, env, why) =>
      `De waarde "${value}" in de omgevingsvariabele ${env} (voor ${optionName(flags)}) klopt niet.${reason(why)}`,
  ],
  [
    /^error: command-argument value '([\s\S]*)' is invalid for argument '(.+?)'\.(?: ([\s\S]*))?$/,
    (value, name, why) => `De waarde "${value}" bij ${name} klopt niet.${reason(why)}`,
  ],
];

/** Dutch for a message commander writes itself. */
export function translateCommanderMessage(message: string): string {
  const text = message.trim();
  for (const [pattern, translate] of MESSAGES) {
    const match = pattern.exec(text);
    if (match) return translate(...match.slice(1));
  }
  return text.replace(/^error: /, '');
}

/**
 * Makes commander speak Dutch on `cmd` and on every sub-command made after this
 * call with .command() (they inherit help, help option and output settings).
 */
export function speakDutch(cmd: Command): Command {
  return cmd
    .configureHelp(dutchHelp)
    .helpOption('-h, --help', 'toon deze hulp')
    .helpCommand('help [commando]', 'toon hulp bij een commando')
    .configureOutput({ outputError: (text, write) => write(`${translateCommanderMessage(text)}\n`) });
}

/** The full name of a command, as typed: "kwaliteit check". */
function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let current: Command | null = cmd; current; current = current.parent) names.unshift(current.name());
  return names.join(' ');
}

/**
 * After an error, point to the help of the command that was typed. Call it once
 * all commands exist; commander writes this line after the error message.
 */
export function addHelpHints(cmd: Command): void {
  cmd.showHelpAfterError(`Typ "${commandPath(cmd)} --help" voor hulp.`);
  for (const sub of cmd.commands) addHelpHints(sub);
}
