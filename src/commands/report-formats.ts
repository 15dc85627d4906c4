// What `report --format` can make, apart from the report itself so the command
// line can list the choices without loading the report.
export const REPORT_FORMATS = ['pdf', 'html', 'both', 'docx'] as const;

export type ReportFormat = (typeof REPORT_FORMATS)[number];
