import type { Formatter } from '../report';

/** The stable machine format of the CLI contract (version 1). */
export const formatJson: Formatter = (reports) =>
  `${JSON.stringify(
    {
      version: 1,
      files: reports.map((report) => ({
        path: report.displayPath,
        kind: report.kind,
        diagnostics: report.findings.map((finding) => ({
          rule: finding.ruleId,
          aliases: finding.aliases,
          severity: finding.severity,
          message: finding.message,
          range: finding.range,
          fixable: finding.fixes.some((fix) => !fix.unsafe),
        })),
      })),
    },
    null,
    2,
  )}\n`;
