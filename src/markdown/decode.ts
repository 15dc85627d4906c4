// Turns the bytes of a file into text, or says precisely why it cannot.
const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

export type Decoded =
  | { ok: true; text: string }
  | { ok: false; reason: 'binary' | 'encoding' | 'utf-16' | 'word'; line: number; column: number };

function position(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

export function decodeText(bytes: Uint8Array): Decoded {
  // Notepad's "Unicode" is UTF-16 with a byte-order mark; a .docx is a zip file.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { ok: false, reason: 'utf-16', line: 1, column: 1 };
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return { ok: false, reason: 'word', line: 1, column: 1 };
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
