// How big a coalition's files may be. A bouwblad is a few pages of text; a file
// far larger is a mistake (a pasted image, a log) and would only slow every run.
export const MAX_FILE_BYTES = 256 * 1024;
