// A small PDF made from object bodies (numbered from 1), for the tests of the
// PDF readers and writers.

export interface TinyPdfOptions {
  /** Write a correct classic xref table (default) or none. */
  xref?: boolean;
  /** More entries for the trailer dictionary, such as "/Info 4 0 R". */
  trailer?: string;
}

export function buildPdf(objects: string[], options: TinyPdfOptions = {}): Uint8Array {
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(out, 'latin1');
  if (options.xref !== false) {
    out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
    for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  }
  out += `trailer\n<</Size ${objects.length + 1} /Root 1 0 R${options.trailer ? ` ${options.trailer}` : ''}>>\nstartxref\n${options.xref !== false ? xrefAt : 0}\n%%EOF\n`;
  return Uint8Array.from(Buffer.from(out, 'latin1'));
}
