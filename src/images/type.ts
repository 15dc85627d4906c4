// Which image a file is, by its first bytes: a renamed file cannot pass for an
// image. The report embeds only these types, so import saves only these too.

/** Images bigger than this would make the report heavy to send; they are left out with a warning. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

const SIGNATURES: { mime: string; extension: string; test: (bytes: Uint8Array) => boolean }[] = [
  { mime: 'image/png', extension: 'png', test: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, i) => b[i] === byte) },
  { mime: 'image/jpeg', extension: 'jpg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/gif', extension: 'gif', test: (b) => ['GIF87a', 'GIF89a'].includes(Buffer.from(b.subarray(0, 6)).toString('latin1')) },
  { mime: 'image/webp', extension: 'webp', test: (b) => Buffer.from(b.subarray(0, 4)).toString('latin1') === 'RIFF' && Buffer.from(b.subarray(8, 12)).toString('latin1') === 'WEBP' },
];

export function imageType(bytes: Uint8Array): { mime: string; extension: string } | undefined {
  const found = SIGNATURES.find((signature) => signature.test(bytes));
  return found && { mime: found.mime, extension: found.extension };
}
