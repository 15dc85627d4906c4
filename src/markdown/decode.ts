// Turns the bytes of a file into text, or says precisely why it cannot.
const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

export type Decoded =
  | { ok: true; text: string }
  | { ok: false; reason: 'binary' | 'encoding'; line: number; column: number };

function position(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

export function decodeText(bytes: Uint8Array): Decoded {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const prefix = lenient.decode(bytes.subarray(0, nul));
    return { ok: false, reason: 'binary', ...position(prefix, prefix.length) };
  }
  try {
    return { ok: true, text: strict.decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    const text = lenient.decode(bytes);
    return { ok: false, reason: 'encoding', ...position(text, text.indexOf('\uFFFD')) };
  }
}
