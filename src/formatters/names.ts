// The names of check's output formats, apart from the formatters themselves so
// the command line can list them without loading any of them.
export const FORMATTER_NAMES = ['stylish', 'json', 'github'] as const;

export type FormatterName = (typeof FORMATTER_NAMES)[number];
