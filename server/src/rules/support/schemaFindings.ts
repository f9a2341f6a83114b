import { isAlias, isMap, isScalar, isSeq, visit, type Alias, type Pair } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Fix, Problem } from '../../engine/ruleTypes';
import { pairOf, type YamlDocument } from '../../parsing/yaml';
import { nodeAtPath, type PathLocation } from '../../parsing/yamlPath';
import { YamlView } from '../../parsing/yamlView';
import { renameHelps, type SchemaViolation, withRenamedKey } from '../../schema/schemaViolations';

// What the schema rules (compose/schema, k8s/schema) share: reading a document's data safely, placing a violation
// on the key or value it is about, the did-you-mean rename, and reporting both.

/** Above this many alias expansions `toJS()` stops: the guard against "billion laughs" documents. */
export const MAX_ALIAS_COUNT = 100;

export type PlainData =
  | { value: unknown; problem?: undefined }
  | {
      value?: undefined;
      problem: { kind: 'unresolvedAlias'; name: string; range: Range } | { kind: 'tooManyAliases'; range: Range } | { kind: 'badMerge'; range: Range };
    };

/** The document's data as a loader reads it, or why it cannot be read. */
export function plainData(document: YamlDocument): PlainData {
  const shared = YamlView.dataOf(document);
  if (shared) return shared;
  try {
    return { value: document.parsed.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    if (!(error instanceof ReferenceError)) {
      const merge = badMergeKey(document);
      if (merge) return { problem: { kind: 'badMerge', range: document.rangeOf(merge) } };
      throw error;
    }
    const aliases: Alias[] = [];
    visit(document.parsed, { Alias: (_, alias) => void aliases.push(alias) });
    const unresolved = aliases.find((alias) => !alias.resolve(document.parsed));
    if (unresolved) return { problem: { kind: 'unresolvedAlias', name: unresolved.source, range: document.rangeOf(unresolved) } };
    return { problem: { kind: 'tooManyAliases', range: document.rangeOf(aliases[0] ?? document.parsed.contents) } };
  }
}

/**
 * A `<<` merge key whose value is not a mapping, an alias of one or a list of those (`<<:` being typed, `<<: 1`): the
 * yaml library refuses to read the document, as Compose's and kubectl's loaders do.
 */
function badMergeKey(document: YamlDocument): Pair | undefined {
  const resolved = (node: unknown) => (isAlias(node) ? node.resolve(document.parsed) : node);
  const mergeable = (node: unknown): boolean => isMap(resolved(node));
  let found: Pair | undefined;
  visit(document.parsed, {
    Pair: (_, pair) => {
      // With `merge: true` the parser gives `<<` keys a symbol value.
      if (!isScalar(pair.key) || typeof pair.key.value !== 'symbol') return undefined;
      const value = resolved(pair.value);
      if (isMap(value) || (isSeq(value) && value.items.every(mergeable))) return undefined;
      found = pair as Pair;
      return visit.BREAK;
    },
  });
  return found;
}

/** Why a document's data could not be read: an unresolved alias or a bad merge stops the loader, too many aliases only this check. */
export function reportDataProblem(problem: NonNullable<PlainData['problem']>, report: (problem: Problem) => void): void {
  if (problem.kind === 'unresolvedAlias') report({ messageId: problem.kind, data: { name: problem.name }, range: problem.range });
  else if (problem.kind === 'badMerge') report({ messageId: problem.kind, range: problem.range });
  else report({ messageId: problem.kind, range: problem.range, severity: 'warning' });
}

/**
 * Checks each document of a YAML (or JSON) file against a schema: what cannot be read is reported once, every
 * violation where it is, with a rename fix where renaming the key resolves it.
 */
export function reportSchemaViolations(
  file: { yaml: { documents: readonly YamlDocument[] }; document: TextDocument },
  violationsOf: (data: unknown) => SchemaViolation[],
  report: (problem: Problem) => void,
): void {
  for (const document of file.yaml.documents) {
    // Broken YAML is the syntax rule's to report; its partial data would only add noise here.
    if (document.parsed.errors.length > 0) continue;
    const data = plainData(document);
    if (data.problem) {
      reportDataProblem(data.problem, report);
      continue;
    }
    // An empty document (comments only) has nothing to check.
    if (data.value === null || data.value === undefined) continue;
    const violations = violationsOf(data.value);
    const resolves = (objectPath: readonly (string | number)[], from: string, to: string) =>
      renameHelps(violationsOf(withRenamedKey(data.value, objectPath, from, to)), objectPath, to, violations.length);
    reportViolations(document, file.document, violations, resolves, report);
  }
}

/**
 * Reports each violation where it is, with the rename fix when the schema suggests a key; `resolves` runs the schema
 * again on the renamed data (see renameFixes).
 */
export function reportViolations(
  document: YamlDocument,
  text: TextDocument,
  violations: readonly SchemaViolation[],
  resolves: (objectPath: readonly (string | number)[], from: string, to: string) => boolean,
  report: (problem: Problem) => void,
): void {
  const reported = new Set<string>();
  for (const violation of violations) {
    const location = nodeAtPath(document, violation.path);
    const range = violationRange(location, violation.target, text);
    const at = JSON.stringify(range);
    // Several problems inside one aliased anchor all land on the `*alias`: the first speaks for them.
    if (reported.has(at)) continue;
    reported.add(at);
    const renamable = violation.suggestion !== undefined && location.key !== undefined;
    const fixes = () => renameFixes(document, violation, location, resolves);
    report({ messageId: violation.messageId, data: violation.data, range, ...(renamable ? { fixes } : {}) });
  }
}

/**
 * Keys for problems with a key, values for problems with a value; a value that spans several lines (a whole
 * mapping of the wrong type) is marked at its key, or on its first line when it has none (a sequence item).
 */
function violationRange(location: PathLocation, target: SchemaViolation['target'], text: TextDocument): Range {
  if (target === 'key' && location.keyRange) return location.keyRange;
  const value = location.valueRange;
  if (value.start.line === value.end.line) return value;
  if (location.keyRange) return location.keyRange;
  const line = value.start.line;
  const lineText = text.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/(\r\n|\r|\n)$/, '');
  return { start: value.start, end: { line, character: lineText.length } };
}

/**
 * Renames a misspelt key in place, keeping its quotes, when that solves the problem: the mapping must not have the
 * key already, and `resolves` (the schema run again on the renamed data) must accept the result.
 */
function renameFixes(
  document: YamlDocument,
  violation: SchemaViolation,
  location: PathLocation,
  resolves: (objectPath: readonly (string | number)[], from: string, to: string) => boolean,
): Fix[] {
  const suggestion = violation.suggestion;
  const key = location.key;
  if (!suggestion || !location.exact || !isScalar(key) || !key.range) return [];
  const objectPath = violation.path.slice(0, -1);
  const parent = nodeAtPath(document, objectPath).node;
  if (!isMap(parent) || pairOf(parent, suggestion)) return [];
  if (!resolves(objectPath, String(violation.path.at(-1)), suggestion)) return [];
  const quoted = key.type === 'QUOTE_DOUBLE' || key.type === 'QUOTE_SINGLE';
  const [start, end] = quoted ? [key.range[0] + 1, key.range[1] - 1] : [key.range[0], key.range[1]];
  return [{ title: `Rename "${String(key.value)}" to "${suggestion}"`, edits: [{ range: document.rangeOfOffsets(start, end), newText: suggestion }] }];
}
