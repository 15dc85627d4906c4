// Small helpers over pdf-lib's objects, for the modules that finish the report's PDF.
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFString, type PDFContext, type PDFObject } from 'pdf-lib';

export const name = (value: string) => PDFName.of(value);

/** The dictionary an object is or points to; anything else is undefined (lookupMaybe throws on a wrong type). */
export function dictOf(context: PDFContext, object: PDFObject | undefined): PDFDict | undefined {
  const value = object === undefined ? undefined : context.lookup(object);
  return value instanceof PDFDict ? value : undefined;
}

export function arrayOf(context: PDFContext, object: PDFObject | undefined): PDFArray | undefined {
  const value = object === undefined ? undefined : context.lookup(object);
  return value instanceof PDFArray ? value : undefined;
}

export function text(object: PDFObject | undefined): string {
  if (object instanceof PDFString || object instanceof PDFHexString) return object.decodeText();
  if (object instanceof PDFName) return Buffer.from(object.asBytes()).toString('utf8');
  return '';
}

/**
 * A text string (UTF-16, as PDF wants for anything beyond ASCII). pdf-lib's
 * PDFHexString.fromText does the same, but slowly: one padded string per character.
 */
export const textString = (value: string) => PDFHexString.of(`FEFF${Buffer.from(value, 'utf16le').swap16().toString('hex').toUpperCase()}`);
