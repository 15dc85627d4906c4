// Where an image that a bouwblad names lives: the one answer that check (is the
// step filled? is this file referenced?) and the report (what to embed) share.
import { posix } from 'node:path';

export type ImageTarget = { path: string } | { reason: string };

/** decodeURI, but a name with a lone % in it ("groei-100%.png") is taken as it is written. */
function decodePath(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** The file inside the coalition that an image address in `file` points to, or why it points nowhere the report may read. */
export function imageTarget(file: string, url: string): ImageTarget {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url.startsWith('\\\\')) {
    return { reason: 'staat niet in de map van de coalitie (een adres op internet of een ander apparaat)' };
  }
  const name = decodePath(url.replace(/[?#].*$/, '')).replace(/\\/g, '/');
  if (name.startsWith('/')) return { reason: 'staat buiten de map van de coalitie' };
  const path = posix.normalize(posix.join(posix.dirname(file), name));
  if (path === '..' || path.startsWith('../') || path === '.') return { reason: 'staat buiten de map van de coalitie' };
  if (path.split('/').some((part) => part.startsWith('.'))) return { reason: 'staat in een verborgen map' };
  return { path };
}
