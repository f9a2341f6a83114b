import type { ContainerFile } from '../parsing/containerFile';
import { uriToPath } from '../workspace/uri';
import type { Workspace } from '../workspace/workspace';
import { ConfigError, emptyConfig, findConfigFile, mergeConfigs, parseConfigText, type LintConfig } from './config';
import { lintFile, type Finding } from './lint';
import type { Rule } from './ruleTypes';

export interface LintResult {
  file: ContainerFile;
  findings: Finding[];
  /** Why the project's `.container-standards.yaml` was ignored (it is malformed). */
  configError?: string;
  /** Every file the lint read or looked for, with the text it saw: the result holds while they are unchanged. */
  reads: ReadonlyMap<string, string | undefined>;
}

/**
 * Lints workspace files with the project's `.container-standards.yaml` (nearest above each file) merged under
 * the caller's settings. The language server and the CLI both go through here.
 */
export class Linter {
  private readonly configsByText = new Map<string, { config: LintConfig; error?: string }>();

  constructor(
    readonly workspace: Workspace,
    readonly rules: readonly Rule[],
    /** Used instead of looking for `.container-standards.yaml` files (the CLI's `--config`). */
    private readonly fixedProjectConfig?: LintConfig,
  ) {}

  /** Undefined when the workspace cannot read the file. */
  lint(uri: string, settings: LintConfig = emptyConfig): LintResult | undefined {
    const { result, reads } = this.workspace.recordReads(() => {
      const file = this.workspace.get(uri);
      if (!file) return undefined;
      const project = this.projectConfig(uri);
      const config = mergeConfigs(project.config, settings);
      return { file, findings: lintFile(file, this.workspace, config, this.rules), configError: project.error };
    });
    return result && { ...result, reads };
  }

  /** A malformed config file is reported and otherwise ignored, so one typo does not switch every check off. */
  private projectConfig(uri: string): { config: LintConfig; error?: string } {
    if (this.fixedProjectConfig) return { config: this.fixedProjectConfig };
    const found = findConfigFile(this.workspace, uri);
    if (!found) return { config: emptyConfig };
    let parsed = this.configsByText.get(found.text);
    if (!parsed) {
      try {
        parsed = { config: parseConfigText(found.text, uriToPath(found.uri) ?? found.uri) };
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        parsed = { config: emptyConfig, error: error.message };
      }
      this.configsByText.set(found.text, parsed);
    }
    return parsed;
  }
}
