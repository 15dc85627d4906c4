// The command line: a thin layer over the library. Each command's module is
// imported only when that command runs, so `kwaliteit check` starts fast.
import { Argument, Command, CommanderError } from 'commander';
import { addHelpHints, speakDutch } from './cli/commander-nl.js';
import { processIo, type Io } from './cli/io.js';
import { errors, EXIT_USAGE, isKwaliteitError, KwaliteitError } from './errors.js';
import { choiceOf, dateOf, describeChoices } from './cli/options.js';
import { REPORT_FORMATS, type ReportFormat } from './commands/report-formats.js';
import { FORMATTER_NAMES, type FormatterName } from './formatters/names.js';
import { packageVersion } from './resources.js';
import { visible } from './text/visible.js';

const FORMAT_LABELS: Record<FormatterName, string | undefined> = { stylish: 'voor mensen', json: undefined, github: 'voor GitHub Actions' };
const REPORT_FORMAT_LABELS: Record<ReportFormat, string | undefined> = { pdf: 'standaard', html: undefined, both: 'pdf en html', docx: 'Word, om in te bewerken' };

const EXIT_CODES_HELP = `
Afsluitcodes:
  0  alles in orde (bij preview: gestopt met Ctrl+C)
  1  er zijn bevindingen (fouten, of waarschuwingen met --strict)
  2  verkeerd gebruik, geen coalitie gevonden, of een fout in het programma`;

/** The optional folder argument most commands take; without it, the current folder. */
const folderArgument = (description: string) => new Argument('[map]', description).default('.', 'de huidige map');

function buildProgram(io: Io, run: (task: () => Promise<number>) => void): Command {
  const program = new Command('kwaliteit');
  // Before the commands are made, so they inherit the Dutch help and messages.
  speakDutch(program)
    .description('Werk samen aan kwaliteit met de Bouwstenen voor kwaliteit van School en Omgeving.')
    .version(packageVersion(), '-v, --version', 'toon het versienummer')
    .option('--debug', 'toon technische details bij een fout')
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
    })
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride();

  program
    .command('init')
    .description('maak een nieuwe map voor een coalitie, met alle bouwstenen en bouwbladen')
    .addArgument(folderArgument('de map voor de coalitie'))
    .option('--name <naam>', 'de naam van de coalitie')
    .option('--lead <school>', 'de penvoerder: de school die de subsidie aanvraagt')
    .option('--municipality <gemeente>', 'de gemeente (meerdere: scheid met een komma)')
    .option('--subsidy-period <jaren>', 'de subsidieperiode, bijvoorbeeld 2025-2028')
    .option('--period-from <datum>', 'begin van de eerste periode (jaar-maand-dag)', dateOf('--period-from'))
    .option('--period-to <datum>', 'einde van de eerste periode (jaar-maand-dag)', dateOf('--period-to'))
    .option('--install-from <bron>', 'waar de CI-jobs kwaliteit vandaan halen: een git-adres met een tag of het adres van een tarball (standaard: precies deze versie uit het npm-register)')
    .option('-y, --yes', 'neem voor alles wat niet is opgegeven de standaardwaarde')
    .option('--dry-run', 'laat zien wat er gemaakt zou worden, zonder iets op te slaan')
    .addHelpText(
      'after',
      '\nVoorbeelden:\n  npx kwaliteit init mijn-coalitie --name "Coalitie Noord" --lead "OBS De Linde" --yes\n  npx kwaliteit init mijn-coalitie --install-from "github:onze-regio/kwaliteit#v1.2.0"',
    )
    .action((dir: string, options) =>
      run(async () => (await import('./cli/init.js')).runInit(dir, options, io)),
    );

  program
    .command('check')
    .description('kijk of de bouwbladen compleet zijn en kloppen')
    .argument('[mappen...]', 'de map(pen) van de coalitie(s); standaard de huidige map')
    .option('--format <soort>', `de uitvoer: ${describeChoices(FORMAT_LABELS)}`, choiceOf('--format', FORMATTER_NAMES, 'die uitvoer bestaat niet'), 'stylish')
    .option('--date <datum>', 'kijk alsof het vandaag deze datum is (jaar-maand-dag)', dateOf('--date'))
    .option('--final', 'controle voor het einde van de subsidieperiode: elke verplichte vraag heeft een volledige ronde, en een lege stap in een periode die voorbij is, is een fout')
    .option('--strict', 'ook bij alleen waarschuwingen afsluiten met code 1')
    .addHelpText(
      'after',
      `
Fouten houden het rapport tegen: een bestand of kop die niet klopt, een stap die als
kopje ontbreekt, perioden of links die niet kloppen, en met --final elke verplichte
vraag zonder volledige ronde en elke lege stap in een periode die voorbij is.
Waarschuwingen zijn advies, zoals een stap die nog niet is ingevuld: de
handreiking noemt het format "géén controle-instrument of een checklist die moet
worden afgevinkt". Alleen fouten geven afsluitcode 1; met --strict ook
waarschuwingen.

Voorbeelden:
  npx kwaliteit check
  npx kwaliteit check coalitie-noord coalitie-zuid
  npx kwaliteit check --format json > bevindingen.json`,
    )
    .action((dirs: string[], options) => run(async () => (await import('./cli/check.js')).runCheck(dirs, options, io)));

  program
    .command('schema')
    .description('toon het JSON-schema van een bouwblad, bouwsteen of kwaliteit.yaml (voor aanvullen in je editor)')
    .argument('[soort]', 'bouwblad, bouwsteen of config', 'bouwblad')
    .action((kind: string) => run(async () => (await import('./cli/schema.js')).runSchema(kind, io)));

  program
    .command('new-cycle')
    .description('begin de volgende periode: de bijgestelde startvraag (stap 4) wordt de nieuwe startvraag')
    .addArgument(folderArgument('de map van de coalitie'))
    .option('--from <datum>', 'begin van de nieuwe periode (jaar-maand-dag); standaard de dag na het einde van de vorige', dateOf('--from'))
    .option('--to <datum>', 'einde van de nieuwe periode; standaard even lang als de vorige', dateOf('--to'))
    .option('--only <bouwbladen>', 'neem alleen deze extra bouwbladen mee (scheid met een komma); de verplichte gaan altijd mee')
    .option('--move <bouwblad=bouwsteen>', 'neem de vraag van een bouwblad mee naar een andere bouwsteen (mag vaker)', (value: string, list: string[] = []) => [...list, value])
    .option('--force', 'begin ook als de vorige periode nog niet voorbij is')
    .option('--date <datum>', 'doe alsof het vandaag deze datum is (jaar-maand-dag)', dateOf('--date'))
    .option('-y, --yes', 'vraag niets: neem voor wat niet is opgegeven de standaardwaarde')
    .option('--dry-run', 'laat zien wat er gemaakt zou worden, zonder iets op te slaan')
    .addHelpText(
      'after',
      `
Voorbeelden:
  npx kwaliteit new-cycle
  npx kwaliteit new-cycle --from 2026-08-01 --to 2027-01-31
  npx kwaliteit new-cycle --only kinderraad --move kinderraad=meso-samenhang`,
    )
    .action((dir: string, options) => run(async () => (await import('./cli/new-cycle.js')).runNewCycle(dir, options, io)));

  program
    .command('add')
    .description('voeg een extra bouwblad toe, met een verdiepende vraag of een eigen vraag')
    .addArgument(folderArgument('de map van de coalitie'))
    .option('--bouwsteen <id>', 'de bouwsteen, bijvoorbeeld meso-samenhang')
    .option('--question <vraag>', 'de vraag van het bouwblad')
    .option('--id <naam>', 'korte naam voor de map (kleine letters en streepjes); standaard gemaakt van de vraag')
    .option('--date <datum>', 'doe alsof het vandaag deze datum is (jaar-maand-dag)', dateOf('--date'))
    .option('--dry-run', 'laat zien welk bestand er zou komen, zonder iets op te slaan')
    .addHelpText(
      'after',
      `
Het bouwblad komt in de periode die nu loopt. Op een terminal kun je alles kiezen uit een lijst.

Voorbeeld:
  npx kwaliteit add --bouwsteen micro-uitvoering --question "Hoe geven we kinderen een stem?" --id kinderraad`,
    )
    .action((dir: string, options) => run(async () => (await import('./cli/add.js')).runAdd(dir, options, io)));

  program
    .command('import')
    .description('maak een bouwblad van een Word-document (.docx), met één bestand per periode')
    .argument('<bestand.docx>', 'het Word-document met het bouwblad')
    .addArgument(folderArgument('de map van de coalitie'))
    .option('--bouwsteen <id>', 'de bouwsteen, bijvoorbeeld meso-samenwerking (als het document die niet noemt)')
    .option('--period <n>', 'de periode uit kwaliteit.yaml (als het document die niet noemt; bij meer perioden: de eerste)')
    .option('--mandatory', 'het is het bouwblad van de verplichte vraag van de bouwsteen')
    .option('--question <vraag>', 'de vraag van het bouwblad (als het document die niet noemt)')
    .option('--id <naam>', 'korte naam voor de map van een extra bouwblad (kleine letters en streepjes)')
    .option('--date <datum>', 'doe alsof het vandaag deze datum is (jaar-maand-dag)', dateOf('--date'))
    .option('-y, --yes', 'vraag niets: neem wat in het document staat en de standaard, en vul een bouwblad dat nog leeg is')
    .option('--dry-run', 'laat zien wat er gemaakt zou worden, zonder iets op te slaan')
    .addHelpText(
      'after',
      `
Het document mag de stappen als kop, vetgedrukt, als gewone regel ("Stap 2: …") of in de
linkerkolom van een tabel hebben. Op een terminal vraag ik wat er niet in staat.

Voorbeelden:
  npx kwaliteit import bouwblad.docx mijn-coalitie
  npx kwaliteit import kinderraad.docx --bouwsteen micro-uitvoering --period 1 --id kinderraad
  npx kwaliteit import verplicht.docx --bouwsteen meso-samenwerking --mandatory --period 2 --yes`,
    )
    .action((file: string, dir: string, options) => run(async () => (await import('./cli/import.js')).runImport(file, dir, options, io)));

  program
    .command('status')
    .description('zie in één oogopslag hoe ver de coalitie is, en wat er nu moet gebeuren')
    .addArgument(folderArgument('de map van de coalitie'))
    .option('--json', 'geef de stand als JSON, voor scripts')
    .option('--date <datum>', 'doe alsof het vandaag deze datum is (jaar-maand-dag)', dateOf('--date'))
    .action((dir: string, options) => run(async () => (await import('./cli/status.js')).runStatus(dir, options, io)));

  program
    .command('upgrade')
    .description('werk de README, de CI-jobs en package.json bij naar deze versie van kwaliteit')
    .addArgument(folderArgument('de map van de coalitie'))
    .option('--install-from <bron>', 'haal kwaliteit voortaan hier vandaan: een git-adres met een tag of het adres van een tarball')
    .option('--force', 'vervang ook bestanden die de coalitie zelf heeft aangepast')
    .option('-y, --yes', 'vraag niets: werk meteen bij')
    .option('--dry-run', 'laat zien wat er zou veranderen, zonder iets op te slaan')
    .addHelpText(
      'after',
      `
Eerst zie je per bestand wat er verandert. Een bestand dat de coalitie zelf heeft
aangepast, blijft staan (behalve met --force).

Voorbeelden:
  npx kwaliteit upgrade --dry-run
  npx kwaliteit upgrade`,
    )
    .action((dir: string, options) => run(async () => (await import('./cli/upgrade.js')).runUpgrade(dir, options, io)));

  program
    .command('report')
    .description('maak het kwaliteitsrapport: een PDF om in te leveren, een webpagina of een Word-document')
    .addArgument(folderArgument('de map van de coalitie'))
    .option('--format <soort>', describeChoices(REPORT_FORMAT_LABELS), choiceOf('--format', REPORT_FORMATS, 'dat soort rapport bestaat niet'))
    .option('--out <pad>', 'waar het rapport komt (standaard: rapport/kwaliteitsrapport-<naam van de coalitie>.pdf in de map van de coalitie)')
    .option('--final', 'het definitieve rapport: alleen als de eindcontrole geen fouten vindt')
    .option('--date <datum>', 'de datum van het rapport en de controle (jaar-maand-dag)', dateOf('--date'))
    .option('--browser <pad>', 'de browser (Chrome, Edge of Chromium) waarmee de PDF wordt gemaakt')
    .option('--timeout <seconden>', 'hoe lang de browser mag doen over de PDF (standaard 60)')
    .addHelpText(
      'after',
      `
Zonder --final krijgt het rapport het stempel "concept". Voor de PDF is Google Chrome,
Microsoft Edge of Chromium nodig; de webpagina (--format html) kan altijd.

Voorbeelden:
  npx kwaliteit report
  npx kwaliteit report coalitie-noord --format html
  npx kwaliteit report coalitie-noord --format docx
  npx kwaliteit report --final --out ~/Documenten/kwaliteitsrapport.pdf`,
    )
    .action((dir: string, options) => run(async () => (await import('./cli/report.js')).runReport(dir, options, io)));

  program
    .command('preview')
    .description('zie het rapport en wat er nog ontbreekt in je browser, terwijl je schrijft')
    .addArgument(folderArgument('de map van de coalitie'))
    .option('--port <nummer>', 'de poort op deze computer (standaard: een vrije poort)')
    .option('--no-open', 'open de browser niet vanzelf')
    .option('--date <datum>', 'kijk alsof het vandaag deze datum is (jaar-maand-dag)')
    .addHelpText(
      'after',
      `
De pagina is het rapport, met de bevindingen van check bij het bouwblad en de stap
waar ze over gaan. Sla je een bestand op, dan ververst de pagina vanzelf. Alleen jij
kunt de pagina zien: hij staat op 127.0.0.1, niet op het netwerk. preview schrijft niets.
Stoppen doe je met Ctrl+C; de afsluitcode is dan 0. Code 2: de preview kon niet starten
(geen coalitie gevonden, de poort is bezet).

Voorbeelden:
  npx kwaliteit preview
  npx kwaliteit preview examples/voorbeeldcoalitie --port 8080 --no-open`,
    )
    .action((dir: string, options) => run(async () => (await import('./cli/preview.js')).runPreview(dir, options, io)));

  addHelpHints(program);
  return program;
}

export { exitOnSignal } from './cli/interrupt.js';

/** Runs the CLI and returns the exit code; never throws. */
export async function main(argv: string[], given: Io = processIo()): Promise<number> {
  // Messages and progress are never coloured, so every control character in them (from a folder name,
  // a question, a coalition's name) is shown as an escape instead of steering the terminal.
  const io: Io = { ...given, stderr: (text) => given.stderr(visible(text)) };
  const debug = argv.includes('--debug');
  let pending: Promise<number> | undefined;
  const program = buildProgram(io, (task) => {
    pending = task();
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return pending ? await pending : 0;
  } catch (error) {
    return reportError(error, io, debug);
  }
}

function reportError(error: unknown, io: Io, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Help and version end here too, with exit code 0.
    return error.exitCode === 0 ? 0 : EXIT_USAGE;
  }
  if (isKwaliteitError(error) && error.code === 'cancelled') {
    // Ctrl+C is a choice, not a mistake: a calm line, no "Fout:". The commands that
    // write (init, new-cycle, add, report) stop this way and undo what they wrote.
    // The exit code stays 2.
    io.stderr(`${error.message}\n`);
    return error.exitCode;
  }
  const known: KwaliteitError = isKwaliteitError(error) ? error : errors.internal(error);
  io.stderr(`Fout: ${known.message}\n${known.hint ? `${known.hint}\n` : ''}`);
  if (debug && error instanceof Error && error.stack) io.stderr(`\n${error.stack}\n`);
  return known.exitCode;
}

