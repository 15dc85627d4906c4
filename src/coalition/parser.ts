// parse-file.ts, loaded once and only when a file must really be parsed: a run
// that finds every file in the parse cache never loads the parsers at all.
let loading: Promise<typeof import('./parse-file.js')> | undefined;

export const parser = () => (loading ??= import('./parse-file.js'));
