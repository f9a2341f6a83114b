import { isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import packageJson from '../../../../package.json';
import type { Severity } from '../../engine/ruleTypes';
import { rules } from '../../rules';
import { ruleSection } from '../../docs/rulesMarkdown';
import type { Formatter } from '../report';

const LEVELS: Record<Severity, Sarif.Result.level> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

/** SARIF 2.1.0 for code-scanning dashboards; paths are relative to the working directory (%SRCROOT%). */
export const formatSarif: Formatter = (reports, { cwd }) => {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const log: Sarif.Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'container-standards',
            version: packageJson.version,
            informationUri: packageJson.homepage,
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.meta.description },
              // The rule's documentation itself, as dashboards show it beside a result: offline, no web page needed.
              help: { text: rule.meta.description, markdown: ruleSection(rule).join('\n') },
              defaultConfiguration: rule.meta.severity === 'off' ? { enabled: false } : { level: LEVELS[rule.meta.severity] },
              properties: { aliases: [...rule.meta.aliases], tags: [rule.kind] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + sep).href } },
        artifacts: reports.map((report) => ({ location: artifactLocation(report.displayPath) })),
        results: reports.flatMap((report, artifactIndex) =>
          report.findings.map((finding) => ({
            ruleId: finding.ruleId,
            ruleIndex: ruleIndex.get(finding.ruleId),
            level: LEVELS[finding.severity],
            message: { text: finding.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { ...artifactLocation(report.displayPath), index: artifactIndex },
                  region: {
                    startLine: finding.range.start.line + 1,
                    startColumn: finding.range.start.character + 1,
                    endLine: finding.range.end.line + 1,
                    endColumn: finding.range.end.character + 1,
                  },
                },
              },
            ],
            properties: { aliases: finding.aliases },
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function artifactLocation(displayPath: string): Sarif.ArtifactLocation {
  if (isAbsolute(displayPath)) return { uri: pathToFileURL(displayPath).href };
  return { uri: displayPath.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}
