import { preview, type PreviewUpdate } from '../commands/preview.js';
import { errors, EXIT_OK } from '../errors.js';
import { countFindings } from '../text/counts.js';
import { displayPath } from '../text/display-path.js';
import { interruptSignal } from './interrupt.js';
import type { Io } from './io.js';
import { openInBrowser } from './open-browser.js';

export interface PreviewCliOptions {
  port?: string;
  /** False with --no-open. */
  open?: boolean;
  date?: string;
}

/** Names from a coalition's folder go to the terminal without control characters (no escape tricks). */
const printable = (text: string) => text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');

const where = (shown: string) => (shown === '.' ? 'deze map' : `de map ${printable(shown)}`);

const clock = () => new Date().toTimeString().slice(0, 8);

function updateLine(update: PreviewUpdate): string {
  const what = update.changed.length === 1 ? update.changed[0] : `${update.changed.length} bestanden`;
  const result = update.problem ? 'het rapport kan nu niet worden gemaakt (zie de pagina)' : countFindings(update.errors, update.warnings);
  return `${clock()} bijgewerkt na ${printable(what)}: ${result}.\n`;
}

export async function runPreview(dir: string | undefined, options: PreviewCliOptions, io: Io, cwd = io.cwd): Promise<number> {
  let port: number | undefined;
  if (options.port !== undefined) {
    if (!/^\d{1,5}$/.test(options.port.trim())) throw errors.invalidPort(options.port);
    port = Number(options.port);
  }
  // Ctrl+C is the way to stop the preview: it closes everything and ends calmly, with exit code 0.
  const interrupt = interruptSignal();
  try {
    const session = await preview({
      cwd,
      dir: dir ?? '.',
      ...(port !== undefined ? { port } : {}),
      ...(options.date ? { date: options.date } : {}),
      onUpdate: (update) => update.version > 0 && io.stderr(updateLine(update)),
      onProblem: (message) => io.stderr(`Let op: ${printable(message)}\n`),
    });
    io.stdout(`De preview staat op ${session.url}\n`);
    const opened = options.open !== false && openInBrowser(session.url, process.platform, io.env, (reason) => io.stderr(`De browser kon niet worden geopend (${reason}). Open het adres zelf in je browser.\n`));
    io.stderr(
      `${opened ? 'De browser opent de pagina.' : options.open === false ? 'Open dat adres in je browser.' : 'Er is geen scherm gevonden om een browser op te openen. Open het adres zelf in een browser.'}\n` +
        `De pagina ververst vanzelf als je een bestand in ${where(displayPath(cwd, session.root))} opslaat. Stoppen doe je met Ctrl+C.\n`,
    );
    if (!interrupt.signal.aborted) await new Promise((resolve) => interrupt.signal.addEventListener('abort', resolve, { once: true }));
    await session.close();
    io.stderr('Gestopt. De preview is uit; er is niets opgeslagen of veranderd.\n');
    return EXIT_OK;
  } finally {
    interrupt.dispose();
  }
}
