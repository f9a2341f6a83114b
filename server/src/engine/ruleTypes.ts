import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { ComposeFile, DockerfileFile, KubernetesFile } from '../parsing/containerFile';
import type { Workspace } from '../workspace/workspace';
import type { LintConfig } from './config';

/** The kinds of container file a rule can check. */
export type RuleKind = 'dockerfile' | 'compose' | 'kubernetes';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface RuleMeta {
  /** Default severity; users override it per rule in settings or `.container-standards.yaml`. */
  severity: SeveritySetting;
  /** One sentence, ending in a period. */
  description: string;
  /** Whether some report of this rule carries a fix. */
  fixable: boolean;
  /** The same check in other tools, written `tool:id`. */
  aliases: readonly string[];
  /** Message templates by id; `{{name}}` placeholders are filled from a report's data. */
  messages: Readonly<Record<string, string>>;
  /** Shown in hovers and RULES.md: why the rule exists, with a failing and a passing example. */
  explanation?: RuleExplanation;
}

export interface RuleExplanation {
  /** Why it matters, in a sentence or two. */
  why: string;
  /** The standard or reference behind the rule (the seed standard's section, CIS Docker Benchmark, Docker docs…). */
  standard?: string;
  /** A short snippet the rule reports. */
  bad: string;
  /** The same snippet fixed. */
  good: string;
}

/** A file created by a fix, such as a `.dockerignore`. */
export interface CreatedFile {
  uri: string;
  text: string;
}

/** Edits of another file that exists (a `.env.example` beside a compose file). */
export interface OtherFileEdits {
  uri: string;
  edits: TextEdit[];
}

export interface Fix {
  title: string;
  /** Edits of the reported document. */
  edits: TextEdit[];
  createFiles?: CreatedFile[];
  /** Edits of other existing files that belong to the same fix. */
  editFiles?: OtherFileEdits[];
  /** Unsafe fixes are offered as quick fixes but never applied by fix-all or `--fix`. */
  unsafe?: boolean;
}

export interface Problem {
  messageId: string;
  data?: Readonly<Record<string, string | number>>;
  range: Range;
  /** A function when building the fixes costs more than a check should: it runs only when someone asks for them. */
  fixes?: Fix[] | (() => Fix[]);
  /** Used instead of the rule's default when the user has not configured the rule. */
  severity?: Severity;
  /** Aliases that name this particular finding more precisely than the rule's own. */
  aliases?: readonly string[];
}

export interface RuleContext<File> {
  readonly file: File;
  readonly workspace: Workspace;
  /** The configuration in force for this file (rule options such as trusted registries). */
  readonly config: LintConfig;
  report(problem: Problem): void;
}

interface RuleBase<Kind extends RuleKind, File> {
  id: string;
  kind: Kind;
  meta: RuleMeta;
  check(context: RuleContext<File>): void;
}

export type DockerfileRule = RuleBase<'dockerfile', DockerfileFile>;
export type ComposeRule = RuleBase<'compose', ComposeFile>;
export type KubernetesRule = RuleBase<'kubernetes', KubernetesFile>;
export type Rule = DockerfileRule | ComposeRule | KubernetesRule;

export const defineDockerfileRule = (rule: Omit<DockerfileRule, 'kind'>): DockerfileRule => ({ ...rule, kind: 'dockerfile' });
export const defineComposeRule = (rule: Omit<ComposeRule, 'kind'>): ComposeRule => ({ ...rule, kind: 'compose' });
export const defineKubernetesRule = (rule: Omit<KubernetesRule, 'kind'>): KubernetesRule => ({ ...rule, kind: 'kubernetes' });
