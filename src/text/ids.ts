// The names kwaliteit turns into folders and files: bouwblad ids, and the ids of a
// format's levels, aspects and bouwstenen.

/** A bouwblad id: lowercase letters, digits and single hyphens. */
export const BOUWBLAD_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Folder names must fit every file system, also deep inside a synced folder on Windows. */
export const MAX_ID_LENGTH = 60;
/** Names Windows keeps for devices: a folder with such a name cannot be checked out there. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * Why `id` cannot be the name of a folder kwaliteit makes (a bouwblad, or a
 * level, aspect or bouwsteen of a format), if it cannot: the one check for
 * every name that becomes part of a path.
 */
export function idShapeProblem(id: string): { why: string; hint: string } | undefined {
  if (!BOUWBLAD_ID.test(id)) return { why: 'gebruik alleen kleine letters, cijfers en streepjes', hint: 'Bijvoorbeeld: kinderraad of ouders-betrekken.' };
  if (id.length > MAX_ID_LENGTH) return { why: `de naam is ${id.length} tekens lang`, hint: `Houd de naam kort, hooguit ${MAX_ID_LENGTH} tekens, bijvoorbeeld kinderraad.` };
  if (WINDOWS_DEVICE.test(id)) return { why: `"${id}" is op Windows de naam van een apparaat, dus een map met die naam kan daar niet bestaan`, hint: 'Kies een andere naam, bijvoorbeeld met een woord erbij.' };
  return undefined;
}
