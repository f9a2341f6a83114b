import type { Formatter } from '../report';

/**
 * The human format, like ESLint's: findings grouped by file with 1-based line:column, those `--fix` fixes marked,
 * then a summary that counts the files with problems among those checked.
 */
export const formatStylish: Formatter = (reports) => {
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let others = 0;
  let fixable = 0;
  let filesWithProblems = 0;
  for (const report of reports) {
    if (report.findings.length === 0) continue;
    filesWithProblems++;
    out.push(report.displayPath);
    const rows = report.findings.map((finding) => [
      `${finding.range.start.line + 1}:${finding.range.start.character + 1}`,
      finding.severity,
      finding.message,
      isFixable(finding) ? `${finding.ruleId} (fixable)` : finding.ruleId,
    ]);
    const width = (column: number) => Math.max(...rows.map((row) => row[column]!.length));
    for (const row of rows) out.push(`  ${row[0]!.padEnd(width(0))}  ${row[1]!.padEnd(width(1))}  ${row[2]}  ${row[3]}`);
    out.push('');
    for (const finding of report.findings) {
      if (finding.severity === 'error') errors++;
      else if (finding.severity === 'warning') warnings++;
      else others++;
      if (isFixable(finding)) fixable++;
    }
  }
  const total = errors + warnings + others;
  if (total === 0) return `No problems in ${files(reports.length)}.\n`;
  const checked = filesWithProblems === reports.length ? '' : ` (${files(reports.length)} checked)`;
  out.push(
    `${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${others} info/hint) in ${files(filesWithProblems)}${checked}`,
  );
  if (fixable) out.push(`${fixable} of them, marked (fixable), can be fixed with --fix.`);
  return `${out.join('\n')}\n`;
};

/** What `--fix` applies: a safe fix. */
function isFixable(finding: { fixes: readonly { unsafe?: boolean }[] }): boolean {
  return finding.fixes.some((fix) => !fix.unsafe);
}

function files(count: number): string {
  return `${count} file${count === 1 ? '' : 's'}`;
}
