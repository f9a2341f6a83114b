import type { ContainerFile } from '../parsing/containerFile';
import { uriToPath } from '../workspace/uri';
import type { RecordedRead, Workspace } from '../workspace/workspace';
import { emptyConfig, findConfigFile, mergeConfigs, type LintConfig } from './config';
import { kubernetesSettingOf } from './kubernetesGlobs';
import { parseConfigText, type ConfigProblem, type ConfigReading } from './readConfig';
import { lintFileDeferring, type Finding } from './lint';
import type { Rule } from './ruleTypes';

export interface LintResult {
  file: ContainerFile;
  findings: Finding[];
  /**
   * The rules whose findings are left out because a table of the workspace was not ready (linted with
   * `answerFast`): the result is partial, for showing at once, never for fixing everything or caching as final.
   */
  deferredRules: readonly string[];
  /** What of the project's `.container-standards.yaml` was ignored, and why. */
  configProblems: readonly ConfigProblem[];
  /** Every file the lint read or looked for, with the text it saw: the result holds while they are unchanged. */
  reads: ReadonlyMap<string, RecordedRead>;
}

/**
 * Lints workspace files with the project's `.container-standards.yaml` (nearest above each file) merged under
 * the caller's settings. The language server and the CLI both go through here.
 */
export class Linter {
  private readonly configsByText = new Map<string, ConfigReading>();

  constructor(
    readonly workspace: Workspace,
    readonly rules: readonly Rule[],
    /** Used instead of looking for `.container-standards.yaml` files (the CLI's `--config`). */
    private readonly fixedProjectConfig?: LintConfig,
  ) {}

  /** Undefined when the workspace cannot read the file. */
  lint(uri: string, settings: LintConfig = emptyConfig): LintResult | undefined {
    const { result, reads } = this.workspace.recordReads(() => {
      const project = this.projectConfig(uri);
      const config = mergeConfigs(project.config, settings);
      this.workspace.setKubernetesSetting(uri, kubernetesSettingOf(uri, config.kubernetes));
      const file = this.workspace.get(uri);
      if (!file) return undefined;
      const { findings, deferredRules } = lintFileDeferring(file, this.workspace, config, this.rules);
      return { file, findings, deferredRules, configProblems: project.problems };
    });
    return result && { ...result, reads };
  }

  /** A mistake in the config file is reported and only the part it concerns ignored, so one typo does not switch every check off. */
  private projectConfig(uri: string): ConfigReading {
    if (this.fixedProjectConfig) return { config: this.fixedProjectConfig, problems: [] };
    const found = findConfigFile(this.workspace, uri);
    if (!found) return { config: emptyConfig, problems: [] };
    const source = uriToPath(found.uri) ?? found.uri;
    // Keyed by the file as well: the messages name it.
    const key = `${source}\0${found.text}`;
    let parsed = this.configsByText.get(key);
    if (!parsed) {
      parsed = parseConfigText(found.text, source, this.rules);
      this.configsByText.set(key, parsed);
    }
    return parsed;
  }
}
