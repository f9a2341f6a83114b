import type { Formatter } from '../report';

/** The human format, like ESLint's: findings grouped by file with 1-based line:column, then a summary. */
export const formatStylish: Formatter = (reports) => {
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let others = 0;
  let fixable = 0;
  for (const report of reports) {
    if (report.findings.length === 0) continue;
    out.push(report.displayPath);
    const rows = report.findings.map((finding) => [
      `${finding.range.start.line + 1}:${finding.range.start.character + 1}`,
      finding.severity,
      finding.message,
      finding.ruleId,
    ]);
    const width = (column: number) => Math.max(...rows.map((row) => row[column]!.length));
    for (const row of rows) out.push(`  ${row[0]!.padEnd(width(0))}  ${row[1]!.padEnd(width(1))}  ${row[2]}  ${row[3]}`);
    out.push('');
    for (const finding of report.findings) {
      if (finding.severity === 'error') errors++;
      else if (finding.severity === 'warning') warnings++;
      else others++;
      if (finding.fixes.some((fix) => !fix.unsafe)) fixable++;
    }
  }
  const total = errors + warnings + others;
  if (total === 0) return `No problems in ${reports.length} file${reports.length === 1 ? '' : 's'}.\n`;
  out.push(
    `${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${others} info/hint) in ${reports.length} file${reports.length === 1 ? '' : 's'}`,
  );
  if (fixable) out.push(`${fixable} of them can be fixed with --fix.`);
  return `${out.join('\n')}\n`;
};
