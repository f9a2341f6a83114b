// Lints generated files in-process, together in one workspace, as `container-standards lint DIR` would.
import { Linter } from '../../server/src/engine/linter';
import { rules } from '../../server/src/rules';
import type { GeneratedFile } from '../../server/src/scaffold/types';
import { pathToUri } from '../../server/src/workspace/uri';
import { Workspace } from '../../server/src/workspace/workspace';

export interface GeneratedFinding {
  path: string;
  rule: string;
  severity: string;
  line: number;
  message: string;
}

const ROOT = '/scaffold-project';

export function lintGenerated(files: readonly GeneratedFile[]): { findings: GeneratedFinding[]; kinds: Record<string, string> } {
  const texts = new Map(files.map((file) => [pathToUri(`${ROOT}/${file.path}`), file.text]));
  const workspace = new Workspace({ readFile: (uri) => texts.get(uri) });
  for (const uri of texts.keys()) workspace.index(uri);
  workspace.adoptReferencedComposeFiles();
  const linter = new Linter(workspace, rules);
  const findings: GeneratedFinding[] = [];
  const kinds: Record<string, string> = {};
  for (const file of files) {
    const result = linter.lint(pathToUri(`${ROOT}/${file.path}`));
    if (!result) throw new Error(`cannot lint ${file.path}`);
    kinds[file.path] = result.file.kind;
    for (const finding of result.findings) {
      findings.push({ path: file.path, rule: finding.ruleId, severity: finding.severity, line: finding.range.start.line, message: finding.message });
    }
  }
  return { findings, kinds };
}
