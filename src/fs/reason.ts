// What a file-system error code means, in words a coordinator understands, and
// what to do about it: one mapping for every command that reads or writes.

export interface FsReason {
  /** "de schijf is vol" */
  reason: string;
  /** What to do, when there is something specific to say. */
  hint?: string;
  /** A fault of the computer or the person, not a bug in kwaliteit. */
  known: boolean;
}

export function fsReason(code: string | undefined): FsReason {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return { reason: 'geen schrijfrechten', known: true };
    case 'ENOSPC':
    case 'EDQUOT':
      return { reason: 'de schijf is vol', hint: 'Maak ruimte vrij op de schijf en probeer het opnieuw.', known: true };
    case 'ENAMETOOLONG':
      return {
        reason: 'de naam van een map of bestand is te lang voor deze computer',
        hint: 'Kies een kortere naam, of een map die minder diep ligt.',
        known: true,
      };
    case 'EBUSY':
      return { reason: 'het bestand is in gebruik', known: true };
    case 'ENOENT':
      return { reason: 'die map bestaat niet', known: true };
    case 'ENOTDIR':
      return { reason: 'een deel van het pad is een bestand en geen map', known: true };
    default:
      return { reason: code ? `het systeem meldt ${code}` : 'onbekende reden', known: false };
  }
}

/** The code of a file-system error, if it is one. */
export const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code ?? ((error as { cause?: NodeJS.ErrnoException })?.cause?.code);
