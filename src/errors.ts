// The catalogue of user-facing errors that stop a command (exit code 2).
// Findings in a coalition folder are not errors: they are Diagnostics.
// Every message says what happened and why; every hint says what to do.

import { isAbsolute, relative } from 'node:path';
import { errorCode, fsReason } from './fs/reason.js';

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

/**
 * The catalogued error for a write in `dir` that the computer refused (rights,
 * a full disk, a name too long …). Undefined for anything else: that is a bug.
 */
export function writeRefused(dir: string, error: unknown): KwaliteitError | undefined {
  if (errorCode(error) === 'EOUTSIDE') {
    const path = String((error as { path?: string }).path ?? dir);
    const rel = relative(dir, path);
    return errors.writeOutside(rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : path, dir);
  }
  const { reason, hint, known } = fsReason(errorCode(error));
  if (!known) return undefined;
  return hint ? errors.dirNotWritable(dir, reason, hint) : errors.dirNotWritable(dir, reason);
}

export const errors = {
  /** `folder`: the coalition folder as an argument for a command in the hint (see folderArgument), "" for the current one. */
  configExists: (file: string, folder = '') =>
    e(
      'config-exists',
      `Hier staat al een coalitie: ${file} bestaat al. Om geen werk kwijt te raken, maakt init niets aan.`,
      `Kies een lege map, of ga verder met de coalitie die er al is (bijvoorbeeld met "npx kwaliteit check${folder}").`,
    ),
  folderBlocked: (path: string) =>
    e(
      'folder-blocked',
      `Waar de map ${path} moet komen, staat een bestand met die naam. Daarom maakt init niets aan.`,
      'Geef dat bestand een andere naam of zet het ergens anders, en probeer het opnieuw. Of kies een lege map.',
    ),
  dirNotFound: (dir: string) => e('dir-not-found', `De map ${dir} bestaat niet.`, 'Kijk of de naam van de map goed is geschreven.'),
  notADirectory: (dir: string) =>
    e('not-a-directory', `${dir} is een bestand, geen map.`, 'Geef de naam van een map op.'),
  dirNotWritable: (dir: string, reason: string, hint = 'Kies een map waarin je mag schrijven, of vraag de beheerder om schrijfrechten.') =>
    e('dir-not-writable', `In de map ${dir} kan niets worden opgeslagen (${reason}).`, hint),
  configNotFound: (dir: string, looked: string[]) =>
    e(
      'config-not-found',
      `In ${dir} staat geen coalitie: er is geen kwaliteit.yaml gevonden.\nGezocht in:\n${looked.map((p) => `  - ${p}`).join('\n')}`,
      'Ga naar de map van je coalitie, geef die map op (bijvoorbeeld "kwaliteit check mijn-coalitie"), of maak een nieuwe coalitie met "kwaliteit init".',
    ),
  configInvalid: (file: string, details: string, folder = '') =>
    e(
      'config-invalid',
      `${file} klopt niet, dus kan de coalitie niet worden gelezen:\n${details}`,
      `Verbeter kwaliteit.yaml en probeer het opnieuw. Met "npx kwaliteit check${folder}" zie je alle punten op een rij.`,
    ),
  formatNotFound: (file: string, configFile: string) =>
    e(
      'format-not-found',
      `Het kwaliteitsformat ${file} (genoemd bij "format" in ${configFile}) bestaat niet.`,
      'Zet bij "format" de naam "bouwstenen-voor-kwaliteit" of het pad naar je eigen format-bestand, gezien vanaf kwaliteit.yaml.',
    ),
  formatOutside: (spec: string, configFile: string) =>
    e(
      'format-outside',
      `Bij "format" in ${configFile} staat ${spec}. Dat bestand ligt buiten de map van de coalitie, en daar leest kwaliteit niets.`,
      'Zet een eigen format-bestand in de map van de coalitie en schrijf het pad vanaf kwaliteit.yaml, bijvoorbeeld "format: ./ons-format.yaml". Of zet "format: bouwstenen-voor-kwaliteit".',
    ),
  formatUnreadable: (file: string, configFile: string, reason: string) =>
    e(
      'format-unreadable',
      `Het kwaliteitsformat ${file} (genoemd bij "format" in ${configFile}) kan niet worden gelezen: ${reason}.`,
      'Zet bij "format" het pad naar een gewoon tekstbestand in de map van de coalitie, of de naam "bouwstenen-voor-kwaliteit".',
    ),
  formatInvalid: (file: string, details: string) =>
    e(
      'format-invalid',
      `Het kwaliteitsformat ${file} klopt niet:\n${details}`,
      'Verbeter het format-bestand. Kijk voor een goed voorbeeld naar templates/format/bouwstenen-voor-kwaliteit.yaml.',
    ),
  /** `defaultsWithYes`: the command has defaults for them that --yes takes (new-cycle's dates). */
  missingFlags: (flags: string[], defaultsWithYes = false) =>
    e(
      'missing-flags',
      `Er ontbreken gegevens, en zonder terminal kan ik er niet naar vragen: ${flags.join(', ')}.`,
      `Geef ze mee als optie, bijvoorbeeld: ${flags.map((f) => `${f} …`).join(' ')}${defaultsWithYes ? ' Of neem de standaarddatums met --yes.' : ''}`,
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
  periodOverlap: (from: string, previous: number, previousTo: string) =>
    e(
      'period-overlap',
      `De nieuwe periode begint op ${from}, maar periode ${previous} loopt nog tot en met ${previousTo}. Perioden mogen elkaar niet overlappen.`,
      `Laat de nieuwe periode beginnen na ${previousTo}, bijvoorbeeld met --from en --to.`,
    ),
  periodOutsideSubsidy: (from: string, to: string | undefined, subsidyPeriod: string) =>
    e(
      'period-outside-subsidy',
      to
        ? `De periode van ${from} tot en met ${to} valt niet binnen de subsidieperiode ${subsidyPeriod}.`
        : `De begindatum ${from} valt niet binnen de subsidieperiode ${subsidyPeriod}.`,
      'Kies datums binnen de subsidieperiode. Loopt de subsidie langer, pas dan eerst subsidyPeriod aan in kwaliteit.yaml.',
    ),
  periodNotEnded: (number: number, to: string) =>
    e(
      'period-not-ended',
      `Periode ${number} is nog niet voorbij: die loopt tot en met ${to}. Een nieuwe periode begin je als de vorige klaar is.`,
      'Wil je toch nu al beginnen, bijvoorbeeld omdat jullie eerder klaar zijn? Geef dan --force mee.',
    ),
  filesExist: (files: string[]) =>
    e(
      'files-exist',
      `Deze bestanden bestaan al, en ik overschrijf geen werk:\n${files.map((f) => `  - ${f}`).join('\n')}`,
      'Is de nieuwe periode al (deels) gemaakt? Kijk de bestanden na. Verwijder ze alleen als ze leeg zijn, en probeer het dan opnieuw.',
    ),
  locked: (file: string, since: string | undefined) =>
    e(
      'locked',
      `Er is al een ander kwaliteit-commando bezig in deze map${since ? ` (sinds ${since})` : ''}. Daarom doe ik nu niets.`,
      `Wacht tot dat klaar is. Is er niets meer bezig, bijvoorbeeld omdat de computer vastliep? Verwijder dan het bestand ${file} en probeer het opnieuw.`,
    ),
  configChanged: (file: string) =>
    e(
      'config-changed',
      `${file} is veranderd terwijl ik bezig was. Om jouw wijziging niet kwijt te raken, heb ik alles teruggezet zoals het was.`,
      'Sla je wijzigingen in kwaliteit.yaml op en probeer het opnieuw.',
    ),
  fileChangedDuringUpgrade: (file: string) =>
    e(
      'file-changed',
      `${file} is veranderd terwijl ik bezig was. Om die wijziging niet kwijt te raken, heb ik alles teruggezet zoals het was.`,
      'Sla je wijzigingen op en probeer het opnieuw. Met --dry-run zie je eerst wat er zou veranderen.',
    ),
  // A file of the coalition that a command needs whole (upgrade, init), but that kwaliteit does not open (see diskSource).
  fileIsLink: (file: string) =>
    e(
      'file-is-link',
      `${file} is een snelkoppeling (symbolische link), of staat in een map die een snelkoppeling is. kwaliteit volgt die niet, zodat er niets van buiten de map van de coalitie wordt gelezen. Daarom doe ik niets.`,
      'Zet op die plek het bestand zelf in plaats van de snelkoppeling, of haal de snelkoppeling weg, en probeer het opnieuw.',
    ),
  fileNotRegular: (file: string) =>
    e(
      'file-not-regular',
      `${file} is geen gewoon bestand, maar bijvoorbeeld een map, een apparaat of een pijp (FIFO). Zoiets leest kwaliteit niet. Daarom doe ik niets.`,
      'Zet op die plek een gewoon bestand neer, of haal weg wat er staat, en probeer het opnieuw.',
    ),
  fileTooLarge: (file: string, size: string, limit: string) =>
    e(
      'file-too-large',
      `${file} is ${size}. Zo groot hoort dat bestand niet te zijn: kwaliteit leest bestanden tot ${limit}. Daarom doe ik niets.`,
      'Kijk of het het goede bestand is. Zet het terug zoals het was (bijvoorbeeld uit git), of haal het weg, en probeer het opnieuw.',
    ),
  fileUnreadable: (file: string, reason: string) =>
    e(
      'file-unreadable',
      `${file} kan niet worden gelezen: ${reason}. Daarom doe ik niets.`,
      'Kijk of je het bestand mag openen (vraag anders de beheerder om leesrechten), en probeer het opnieuw.',
    ),
  unknownBouwblad: (id: string, period: number, known: string[], suggestion: string | undefined) =>
    e(
      'unknown-bouwblad',
      `Er is geen bouwblad "${id}" in periode ${period}.`,
      suggestion
        ? `Bedoel je "${suggestion}"?`
        : `De bouwbladen van periode ${period} zijn: ${known.join(', ')}.`,
    ),
  unknownBouwsteen: (id: string, suggestion: string | undefined) =>
    e(
      'unknown-bouwsteen',
      `"${id}" is geen bouwsteen.`,
      suggestion
        ? `Bedoel je "${suggestion}"?`
        : 'Een bouwsteen schrijf je als niveau-aspect, bijvoorbeeld meso-samenwerking of macro-uitvoering.',
    ),
  bouwbladExists: (id: string, file: string) =>
    e(
      'bouwblad-exists',
      `Er is al een bouwblad met de naam "${id}" (${file}).`,
      'Kies een andere korte naam met --id, bijvoorbeeld met een woord erbij.',
    ),
  reservedId: (id: string) =>
    e(
      'reserved-id',
      `De naam "${id}" is voor het verplichte bouwblad van die bouwsteen. Een extra bouwblad krijgt een eigen naam.`,
      'Kies een andere korte naam met --id, bijvoorbeeld een woord uit de vraag.',
    ),
  bouwbladenUnusable: (details: string, folder = '') =>
    e(
      'bouwbladen-unusable',
      `Deze bouwbladen kan ik niet goed lezen, dus kan ik ze niet meenemen naar de nieuwe periode:\n${details}`,
      `Verbeter dit en probeer het opnieuw. Met "npx kwaliteit check${folder}" zie je alle punten op een rij.`,
    ),
  allPeriodsEnded: (number: number, to: string, folder = '') =>
    e(
      'periods-ended',
      `Alle perioden in kwaliteit.yaml zijn voorbij: de laatste, periode ${number}, eindigde op ${to}. Een nieuw bouwblad hoort bij een periode die nog loopt.`,
      `Begin eerst de volgende periode met "npx kwaliteit new-cycle${folder}", en voeg het bouwblad daarna toe.`,
    ),
  mandatoryQuestionTaken: (title: string, file: string) =>
    e(
      'mandatory-question',
      `Dit is de verplichte vraag van "${title}". Die heeft al een eigen bouwblad: ${file}.`,
      'Werk aan de verplichte vraag in dat bouwblad. Voor een extra bouwblad kies je een andere vraag.',
    ),
  browserNotFound: (tried: string[], platform: NodeJS.Platform, explicit: boolean) =>
    e(
      'browser-not-found',
      `${explicit ? 'De browser die je met --browser opgaf, is niet gevonden.' : 'Er is geen browser gevonden om de PDF mee te maken. kwaliteit gebruikt Google Chrome, Microsoft Edge of Chromium.'}\nGezocht op:\n${tried.length ? tried.map((p) => `  - ${p}`).join('\n') : '  (nergens: de lijst met plekken is leeg)'}`,
      `${
        platform === 'win32' || platform === 'darwin'
          ? 'Installeer Google Chrome (https://www.google.com/chrome) of Microsoft Edge.'
          : 'Installeer Chromium, bijvoorbeeld met "sudo apt install chromium" (Debian, Ubuntu) of "sudo dnf install chromium" (Fedora).'
      } Staat je browser ergens anders? Geef het pad mee met --browser <pad> of zet het in KWALITEIT_BROWSER.\nZonder browser kan het rapport wel als webpagina: kwaliteit report --format html`,
    ),
  browserFailed: (path: string, reason: string) =>
    e(
      'browser-failed',
      `De browser ${path} kon niet starten: ${reason}`,
      'Kijk of deze browser op deze computer werkt, of kies een andere met --browser <pad>. Zonder browser kan het rapport als webpagina: kwaliteit report --format html',
    ),
  browserTimeout: (seconds: number, step: string) =>
    e(
      'browser-timeout',
      `De browser reageerde niet binnen ${seconds} ${seconds === 1 ? 'seconde' : 'seconden'} (bij: ${step}). Het maken van de PDF is gestopt.`,
      'Probeer het nog eens; sluit eerst andere zware programma\'s. Geef de browser meer tijd met --timeout <seconden>, of maak het rapport als webpagina: kwaliteit report --format html',
    ),
  reportOutInsideCoalition: (path: string, reportDir: string) =>
    e(
      'report-out-inside-coalition',
      `Het rapport zou in ${path} komen. Dat is in de map van de coalitie, maar buiten ${reportDir}; daar schrijft kwaliteit niets, zodat er nooit een bouwblad of kwaliteit.yaml wordt overschreven.`,
      `Laat --out weg (dan komt het rapport in ${reportDir}), of kies een plek buiten de map van de coalitie.`,
    ),
  reportNotSaved: (file: string, code: string) => {
    const full = code === 'ENOSPC' || code === 'EDQUOT';
    return e(
      // The same code as dirNotWritable: scripts that look for it keep working.
      'dir-not-writable',
      `Het rapport kon niet worden opgeslagen als ${file} (${fsReason(code).reason}). Er is niets veranderd: een rapport dat er al stond, is er nog zoals het was.`,
      full
        ? 'Maak ruimte vrij op de schijf en probeer het opnieuw, of kies met --out een plek op een andere schijf.'
        : 'Kies met --out een map waarin je mag schrijven, of vraag de beheerder om schrijfrechten. Staat het rapport open in een ander programma? Sluit het dan eerst.',
    );
  },
  wordNotFound: (file: string) =>
    e('word-not-found', `Het bestand ${file} bestaat niet.`, 'Kijk of de naam klopt. Staat er een spatie in de naam? Zet de naam dan tussen aanhalingstekens, bijvoorbeeld "mijn bouwblad.docx".'),
  wordIsFolder: (file: string) =>
    e('word-is-folder', `${file} is een map, geen Word-document.`, 'Geef het Word-bestand zelf op, bijvoorbeeld bouwblad.docx, en daarna de map van de coalitie.'),
  wordUnreadable: (file: string) =>
    e('word-unreadable', `Het bestand ${file} kan niet worden geopend: je hebt geen leesrechten.`, 'Kopieer het bestand naar een map van jezelf, of vraag de beheerder om leesrechten.'),
  wordTooLarge: (file: string, megabytes: number, limit: number) =>
    e(
      'word-too-large',
      `${file} is ${megabytes} MB. Dat is te groot voor een bouwblad (de grens is ${limit} MB).`,
      'Maak de foto\'s in het document kleiner (in Word: Afbeelding comprimeren), of haal ze eruit, en sla het document opnieuw op.',
    ),
  wordOldFormat: (file: string) =>
    e(
      'word-old-format',
      `${file} is geen .docx-bestand: het is een ouder Word-bestand (.doc), of een document met een wachtwoord. Dat kan ik niet lezen.`,
      'Open het in Word of LibreOffice en kies Opslaan als > Word-document (.docx). Heeft het een wachtwoord? Haal dat er dan eerst af.',
    ),
  wordOtherFormat: (file: string, what: string) =>
    e('word-other-format', `${file} is geen Word-document, maar ${what}.`, 'Open het in Word of LibreOffice en kies Opslaan als > Word-document (.docx). Probeer het daarna opnieuw met dat bestand.'),
  wordNotWord: (file: string) =>
    e(
      'word-not-word',
      `${file} is geen Word-document (.docx). Misschien is het een ander soort bestand dat een nieuwe naam heeft gekregen.`,
      'Open het bestand in Word of LibreOffice en kies Opslaan als > Word-document (.docx).',
    ),
  wordDamaged: (file: string) =>
    e('word-damaged', `${file} is beschadigd: het lijkt een Word-document, maar het kan niet worden uitgepakt.`, 'Open het in Word of LibreOffice; die kunnen het vaak herstellen. Sla het daarna opnieuw op als .docx, of vraag de schrijver om het nog eens te sturen.'),
  wordZipBomb: (file: string, limit: number, onePart: boolean) =>
    e(
      'word-zip-bomb',
      `${file} wordt uitgepakt veel te groot (${onePart ? 'één onderdeel is' : 'samen'} meer dan ${limit} MB). Zo'n bestand kan de computer vastzetten, dus ik open het niet.`,
      'Een gewoon bouwblad is zo groot niet. Vraag de schrijver om het document opnieuw op te slaan in Word, of kopieer de tekst in een nieuw document.',
    ),
  wordTooManyParts: (file: string) =>
    e('word-too-many-parts', `${file} bestaat uit te veel losse onderdelen om een gewoon Word-document te zijn. Ik open het niet.`, 'Vraag de schrijver om het document opnieuw op te slaan in Word, of kopieer de tekst in een nieuw document.'),
  wordNoSteps: (file: string, titles: string[]) =>
    e(
      'word-no-steps',
      `In ${file} heb ik geen stappen van een bouwblad gevonden. Er is niets opgeslagen.`,
      `Zet boven elk antwoord de stap, op een eigen regel, bijvoorbeeld:\n${titles.map((t) => `  ${t}`).join('\n')}\nDat mag als kop, vetgedrukt, of in de linkerkolom van een tabel.`,
    ),
  wordUnknownPeriod: (what: string, known: string, folder = '') =>
    e('word-unknown-period', `${what} staat niet in kwaliteit.yaml.`, `De perioden van de coalitie zijn: ${known}. Kies er een met --period, of begin eerst een nieuwe periode met "npx kwaliteit new-cycle${folder}".`),
  wordPeriodTwice: (number: number) =>
    e('word-period-twice', `Periode ${number} staat twee keer in het Word-document. Ik weet niet welke ik moet nemen, dus er is niets opgeslagen.`, 'Maak er in Word één periode van, of geef elke periode een eigen nummer ("Periode 1", "Periode 2").'),
  importFilesExist: (files: string[], empty: string[]) =>
    e(
      'files-exist',
      `Deze bouwbladen bestaan al, en ik overschrijf geen werk. Er is niets opgeslagen:\n${files.map((f) => `  - ${f}${empty.includes(f) ? ' (nog niet ingevuld)' : ''}`).join('\n')}`,
      empty.length === files.length
        ? 'Er staat nog niets in. Wil je ze vullen met de tekst uit Word? Geef dan -y mee, of draai import op een terminal: dan vraag ik het je.'
        : 'Kies een andere naam met --id of een andere periode met --period. Wil je de tekst uit Word toevoegen aan een bouwblad dat er al is? Kopieer die dan zelf in het bestand.',
    ),
  importThroughLink: (path: string) =>
    e('import-through-link', `${path} is een snelkoppeling (symbolische link). Daar schrijf ik niet in: het bouwblad zou buiten de map van de coalitie kunnen komen.`, 'Zet daar een gewone map neer, of kies een andere naam met --id.'),
  importOtherBouwsteen: (id: string, file: string, title: string) =>
    e('import-other-bouwsteen', `Het bouwblad "${id}" hoort bij een andere bouwsteen dan ${title} (zie ${file}). Alle perioden van een bouwblad horen bij dezelfde bouwsteen.`, 'Kies een andere naam met --id, of de bouwsteen van dat bouwblad met --bouwsteen.'),
  writeOutside: (path: string, dir: string) =>
    e(
      'write-outside',
      `Ik sla niets op: ${path} zou via een snelkoppeling (symbolische link) buiten de map ${dir} terechtkomen. kwaliteit schrijft alleen in de map van de coalitie.`,
      'Kijk welke map in dat pad een snelkoppeling is (bijvoorbeeld met "ls -l"), haal die weg of vervang hem door een gewone map, en probeer het opnieuw.',
    ),
  periodNotAddable: (period: { number: number; from: string; to: string }) =>
    e(
      'period-not-addable',
      `Ik kan periode ${period.number} niet netjes aan de lijst "periods" in kwaliteit.yaml toevoegen: die lijst is op een manier geschreven die ik niet ken. Om niets van jullie tekst te veranderen, doe ik niets.`,
      'Zet de perioden onder elkaar, elk als "- number: …" met daaronder "from:" en "to:", zoals in een nieuwe map van "npx kwaliteit init", en probeer het opnieuw.',
    ),
  invalidPort: (value: string) =>
    e(
      'invalid-option',
      `De waarde "${value}" bij --port klopt niet: dat is geen poortnummer.`,
      'Geef een getal van 1024 tot en met 65535, of laat --port weg: dan kiest kwaliteit zelf een vrije poort.',
    ),
  portInUse: (port: number) =>
    e(
      'port-in-use',
      `Poort ${port} is al in gebruik door een ander programma, dus de preview kan daar niet starten.`,
      'Kies een andere poort met --port, of laat --port weg: dan kiest kwaliteit zelf een vrije poort.',
    ),
  portRefused: (port: number, reason: string) =>
    e(
      'port-refused',
      `De preview kan niet starten op poort ${port} (${reason}).`,
      'Kies een poort boven 1024 met --port, of laat --port weg: dan kiest kwaliteit zelf een vrije poort.',
    ),
  watchFailed: (dir: string, reason: string) =>
    e(
      'watch-failed',
      `De map ${dir} kan niet in de gaten worden gehouden (${reason}), dus de preview zou niet vanzelf verversen.`,
      'Sluit andere programma\'s die veel mappen in de gaten houden en probeer het opnieuw. Lukt het niet, maak het rapport dan met "kwaliteit report --format html".',
    ),
  cancelled: () => e('cancelled', 'Gestopt. Er is niets opgeslagen.'),
  internal: (error: unknown) =>
    e(
      'internal',
      `Er ging iets mis in kwaliteit zelf: ${error instanceof Error ? error.message : String(error)}`,
      'Dit is een fout in het programma, niet in jouw bestanden. Meld het bij het team van kwaliteit, met het commando dat je gaf. Met --debug zie je meer details.',
    ),
};
