import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { ComposeFile, DockerfileFile, EcsFile, KubernetesFile, RailwayFile, RenderFile } from '../parsing/containerFile';
import type { Workspace } from '../workspace/workspace';

/** The kinds of container file a rule can check. */
export type RuleKind = 'dockerfile' | 'compose' | 'kubernetes' | 'ecs' | 'render' | 'railway';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

/** A JSON Schema, as written in the rules' metadata and in the generated schemas. */
export type JsonSchema = { readonly [keyword: string]: unknown };

type JsonType = 'array' | 'boolean' | 'integer' | 'number' | 'object' | 'string';

/**
 * One option of a rule: the JSON Schema of its value, with its documentation and default. Settings and the config
 * file name it by its key alone (`containerStandards.<name>`, `<name>:`), so the key is unique across rules unless
 * rules share the very same declaration. `null` is never a value: it means unset, and the schemas add it.
 */
export type OptionDeclaration<Value = unknown> = JsonSchema & {
  type: JsonType | readonly JsonType[];
  /** Markdown, one or two sentences: what the option does, and what an empty value means. */
  description: string;
  /** What the rule gets when neither the settings nor the config file set the option. */
  default: Value;
};

/** No options: what a rule without an options declaration receives. */
export type NoOptions = Readonly<Record<never, never>>;

export interface RuleMeta<Options extends object = NoOptions> {
  /** Default severity; users override it per rule in settings or `.container-standards.yaml`. */
  severity: SeveritySetting;
  /** One sentence, ending in a period. */
  description: string;
  /** The quick fix the rule offers, and who applies it; absent when no report ever carries one. */
  fix?: RuleFixMeta;
  /** The same check in other tools, written `tool:id`. */
  aliases: readonly string[];
  /** Message templates by id; `{{name}}` placeholders are filled from a report's data. */
  messages: Readonly<Record<string, string>>;
  /** Shown in hovers and RULES.md: why the rule exists, with a failing and a passing example. */
  explanation?: RuleExplanation;
  /** The rule's options by name; the engine validates configured values and hands the rule `context.options`. */
  options?: { readonly [Name in keyof Options]: OptionDeclaration<Options[Name]> };
}

/**
 * What a rule's quick fix is, as RULES.md, hovers and the rule lists say it in plain words (engine/fixDocs.ts). The
 * rule tester holds each rule to it on its own cases, and test/corpus/fixMeta.test.ts on real files.
 */
export interface RuleFixMeta {
  /**
   * Absent when every report carries a fix; otherwise when one does, as a short phrase that follows "Quick fix:"
   * ("when the image table knows a current tag of the image", "unless the mapping is a single variable").
   */
  when?: string;
  /**
   * Who applies it. `'auto'`: a safe fix, applied by fix-all on save, Fix Workspace and `lint --fix` (and offered as a
   * quick fix); `'editor-only'`: an unsafe fix (Fix.unsafe), offered as a quick fix and never applied by those;
   * `{ autoWhen }`: safe in the case it names (a phrase starting with "when"), editor-only otherwise.
   */
  applied: 'auto' | 'editor-only' | { autoWhen: string };
  /** Its safe fix creates a file (a `.dockerignore`): `lint --fix` and Fix Workspace write it, fix-all on save does not. */
  createsFile?: true;
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
  /** Aliases that name this particular finding more precisely than the rule's own: they replace the rule's aliases of the same tool. */
  aliases?: readonly string[];
}

export interface RuleContext<File, Options extends object = NoOptions> {
  readonly file: File;
  readonly workspace: Workspace;
  /** Every declared option: the configured value, or its default. */
  readonly options: Readonly<Options>;
  report(problem: Problem): void;
}

interface RuleBase<Kind extends RuleKind, File, Options extends object> {
  id: string;
  kind: Kind;
  meta: RuleMeta<Options>;
  check(context: RuleContext<File, Options>): void;
}

export type DockerfileRule<Options extends object = NoOptions> = RuleBase<'dockerfile', DockerfileFile, Options>;
export type ComposeRule<Options extends object = NoOptions> = RuleBase<'compose', ComposeFile, Options>;

/**
 * What a Kubernetes rule's findings about a document depend on; a manifest file may hold hundreds of documents, and
 * the file is checked again on every keystroke.
 *
 * - `'document'`: that document alone (and, optionally, other files of the workspace). The engine runs the rule once
 *   per document of the file, with a `context.file` whose `yaml.documents`, `objects` and `notObjects` hold that
 *   document only (so `objectsHere`, `workloadsHere` and `containersHere` see it alone), and keeps its reports
 *   while the document's text is unchanged: an edit of another document does not run the rule on this one again,
 *   and its reports move with it when lines are added or removed above it (ranges, eager fixes). What the rule reads
 *   through `context.workspace` (a Dockerfile, a skaffold.yaml) is recorded, and the reports are kept only while
 *   every file read is unchanged and no file has been added to or removed from the workspace. Per-container and
 *   per-object checks are document-scoped, provided that
 *   - they do not look at other documents of their file (through `context.file.document`'s text, or the
 *     workspace's parse of their own file);
 *   - their lazy fixes (`fixes: () => …`) work out their edits inside the function, from the views
 *     (`replaceScalar(view, …)`, `insertPair(…)`, which report where the document is when the fix is asked for),
 *     not from ranges worked out during the check, and edit only their document (a fix that appends a Secret to the
 *     file, as k8s/plaintext-secret-env's, keeps its rule file-scoped);
 *   - their messages name no line ("first set on line 14"): a line in a message does not move with the document.
 * - `'file'` (the default): the whole file at once, run again on every change of it: rules that compare the
 *   documents of a file with each other (a Service and the pods it selects, names defined twice).
 *
 * The rule tester (test/ruleTester.ts) holds every document-scoped rule, on each of its cases, to giving from its
 * kept reports, once lines are added above the case's documents, what a fresh run gives: fixes and messages too.
 */
export type KubernetesRuleScope = 'document' | 'file';

export interface KubernetesRuleMeta<Options extends object = NoOptions> extends RuleMeta<Options> {
  /** `'document'` when the rule's findings about a document depend on that document alone; see KubernetesRuleScope. */
  scope?: KubernetesRuleScope;
}

export interface KubernetesRule<Options extends object = NoOptions> extends RuleBase<'kubernetes', KubernetesFile, Options> {
  meta: KubernetesRuleMeta<Options>;
}

/** A rule about an ECS task definition (a JSON file; see EcsFile). */
export type EcsRule<Options extends object = NoOptions> = RuleBase<'ecs', EcsFile, Options>;

/** A rule about a Render Blueprint (`render.yaml`). */
export type RenderRule<Options extends object = NoOptions> = RuleBase<'render', RenderFile, Options>;

/** A rule about Railway's config as code (`railway.json`). */
export type RailwayRule<Options extends object = NoOptions> = RuleBase<'railway', RailwayFile, Options>;

export type Rule = DockerfileRule | ComposeRule | KubernetesRule | EcsRule | RenderRule | RailwayRule;

/** A rule with options names their types: `defineDockerfileRule<{ trustedRegistries: readonly string[] }>({…})`. */
export const defineDockerfileRule = <Options extends object = NoOptions>(rule: Omit<DockerfileRule<Options>, 'kind'>): DockerfileRule<Options> => ({
  ...rule,
  kind: 'dockerfile',
});
export const defineComposeRule = <Options extends object = NoOptions>(rule: Omit<ComposeRule<Options>, 'kind'>): ComposeRule<Options> => ({
  ...rule,
  kind: 'compose',
});
export const defineKubernetesRule = <Options extends object = NoOptions>(rule: Omit<KubernetesRule<Options>, 'kind'>): KubernetesRule<Options> => ({
  ...rule,
  kind: 'kubernetes',
});
export const defineEcsRule = <Options extends object = NoOptions>(rule: Omit<EcsRule<Options>, 'kind'>): EcsRule<Options> => ({
  ...rule,
  kind: 'ecs',
});
export const defineRenderRule = <Options extends object = NoOptions>(rule: Omit<RenderRule<Options>, 'kind'>): RenderRule<Options> => ({
  ...rule,
  kind: 'render',
});
export const defineRailwayRule = <Options extends object = NoOptions>(rule: Omit<RailwayRule<Options>, 'kind'>): RailwayRule<Options> => ({
  ...rule,
  kind: 'railway',
});

/** The options a rule declares, by name. */
export function declaredOptions(rule: Rule): [name: string, declaration: OptionDeclaration][] {
  return Object.entries((rule.meta.options ?? {}) as Readonly<Record<string, OptionDeclaration>>);
}
