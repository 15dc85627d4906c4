// Things the CLI tells in passing, shared by the commands that can run into them.

/** A lock of a run that no longer exists was taken over (see fs/lock.ts). */
export const staleLockNotice = (since: string) =>
  `Let op: er stond nog een slot (.kwaliteit.lock, sinds ${since}) van een kwaliteit-commando dat niet meer bezig is, bijvoorbeeld omdat de computer vastliep. Dat slot heb ik opgeruimd.`;
