// The catalogue of user-facing errors that stop a command (exit code 2).
// Findings in a coalition folder are not errors: they are Diagnostics.
// Every message says what happened and why; every hint says what to do.

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export class KwaliteitError extends Error {
  readonly code: string;
  readonly hint: string | undefined;
  readonly exitCode: number;

  constructor(code: string, message: string, hint?: string, exitCode = EXIT_USAGE) {
    super(message);
    this.name = 'KwaliteitError';
    this.code = code;
    this.hint = hint;
    this.exitCode = exitCode;
  }
}

export function isKwaliteitError(error: unknown): error is KwaliteitError {
  return error instanceof KwaliteitError;
}

const e = (code: string, message: string, hint?: string) => new KwaliteitError(code, message, hint);

export const errors = {
  configExists: (file: string) =>
    e(
      'config-exists',
      `Hier staat al een coalitie: ${file} bestaat al. Om geen werk kwijt te raken, maakt init niets aan.`,
      'Kies een lege map, of ga verder met de coalitie die er al is (bijvoorbeeld met "kwaliteit check").',
    ),
  notADirectory: (dir: string) =>
    e('not-a-directory', `${dir} is een bestand, geen map.`, 'Geef de naam van een map op.'),
  dirNotWritable: (dir: string, reason: string) =>
    e(
      'dir-not-writable',
      `In de map ${dir} kan niets worden opgeslagen (${reason}).`,
      'Kies een map waarin je mag schrijven, of vraag de beheerder om schrijfrechten.',
    ),
  configNotFound: (dir: string, looked: string[]) =>
    e(
      'config-not-found',
      `In ${dir} staat geen coalitie: er is geen kwaliteit.yaml gevonden.\nGezocht in:\n${looked.map((p) => `  - ${p}`).join('\n')}`,
      'Ga naar de map van je coalitie, geef die map op (bijvoorbeeld "kwaliteit check mijn-coalitie"), of maak een nieuwe coalitie met "kwaliteit init".',
    ),
  configInvalid: (file: string, details: string) =>
    e(
      'config-invalid',
      `${file} klopt niet, dus kan de coalitie niet worden gelezen:\n${details}`,
      'Verbeter kwaliteit.yaml en probeer het opnieuw. Met "kwaliteit check" zie je alle punten op een rij.',
    ),
  formatNotFound: (file: string, configFile: string) =>
    e(
      'format-not-found',
      `Het kwaliteitsformat ${file} (genoemd bij "format" in ${configFile}) bestaat niet.`,
      'Zet bij "format" de naam "bouwstenen-voor-kwaliteit" of het pad naar je eigen format-bestand, gezien vanaf kwaliteit.yaml.',
    ),
  formatInvalid: (file: string, details: string) =>
    e(
      'format-invalid',
      `Het kwaliteitsformat ${file} klopt niet:\n${details}`,
      'Verbeter het format-bestand. Kijk voor een goed voorbeeld naar templates/format/bouwstenen-voor-kwaliteit.yaml.',
    ),
  missingFlags: (flags: string[]) =>
    e(
      'missing-flags',
      `Er ontbreken gegevens, en zonder terminal kan ik er niet naar vragen: ${flags.join(', ')}.`,
      `Geef ze mee als optie, bijvoorbeeld: ${flags.map((f) => `${f} …`).join(' ')}`,
    ),
  invalidOption: (option: string, value: string, why: string, hint: string) =>
    e('invalid-option', `De waarde "${value}" bij ${option} klopt niet: ${why}.`, hint),
  invalidDate: (option: string, value: string) =>
    e(
      'invalid-date',
      `"${value}" bij ${option} is geen geldige datum.`,
      'Schrijf een datum als jaar-maand-dag, bijvoorbeeld 2025-09-01 voor 1 september 2025.',
    ),
  periodOrder: (from: string, to: string) =>
    e(
      'period-order',
      `De periode begint (${from}) niet vóór het einde (${to}).`,
      'Kies een begindatum die vóór de einddatum ligt.',
    ),
  cancelled: () => e('cancelled', 'Gestopt. Er is niets opgeslagen.'),
  internal: (error: unknown) =>
    e(
      'internal',
      `Er ging iets mis in kwaliteit zelf: ${error instanceof Error ? error.message : String(error)}`,
      'Dit is een fout in het programma, niet in jouw bestanden. Meld het bij het team van kwaliteit, met het commando dat je gaf. Met --debug zie je meer details.',
    ),
};
