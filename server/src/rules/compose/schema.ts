import { isMap, isScalar, visit, type Alias } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { defineComposeRule, type Fix, type Problem } from '../../engine/ruleTypes';
import { pairOf, type YamlDocument } from '../../parsing/yaml';
import { nodeAtPath, type PathLocation } from '../../parsing/yamlPath';
import { YamlView } from '../../parsing/yamlView';
import { COMPOSE_SCHEMA_MESSAGES, composeSchemaViolations, renameResolves } from '../../schema/composeSchema';
import { SCHEMA_MESSAGES } from '../../schema/schemaMessages';
import type { SchemaViolation } from '../../schema/schemaViolations';

/** Above this many alias expansions `toJS()` stops: the guard against "billion laughs" documents. */
const MAX_ALIAS_COUNT = 100;

export const rule = defineComposeRule({
  id: 'compose/schema',
  meta: {
    severity: 'error',
    description: 'The compose file breaks the Compose Specification schema: unknown keys, wrong types, values that are not allowed, missing keys.',
    fixable: true,
    aliases: ['dclint:invalid-schema'],
    messages: {
      ...SCHEMA_MESSAGES,
      ...COMPOSE_SCHEMA_MESSAGES,
      unresolvedAlias: 'The alias "*{{name}}" has no anchor "&{{name}}" before it, so Compose cannot load the file; define the anchor above its first use.',
      tooManyAliases: `The aliases of this document expand more than ${MAX_ALIAS_COUNT} times, so it was not checked against the compose schema; reuse fewer anchors.`,
    },
    explanation: {
      why: 'Docker Compose validates every file against the Compose Specification schema and refuses to start anything when one key is misspelt or has the wrong type; the linter shows every such problem at once, where it is.',
      standard: 'Compose Specification JSON Schema (the version dclint 3.x ships); dclint invalid-schema.',
      bad: 'services:\n  web:\n    imgae: nginx:1.27\n    ports: 8080',
      good: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"',
    },
  },
  check({ file, report }) {
    for (const document of file.yaml.documents) {
      // Broken YAML is compose/syntax's to report; its partial data would only add noise here.
      if (document.parsed.errors.length > 0) continue;
      const data = plainData(document);
      if (data.problem) {
        report(data.problem);
        continue;
      }
      // An empty document (comments only) has nothing to check.
      if (data.value === null || data.value === undefined) continue;
      const reported = new Set<string>();
      const violations = composeSchemaViolations(data.value);
      for (const violation of violations) {
        const location = nodeAtPath(document, violation.path);
        const range = reportRange(location, violation.target, file.document);
        const at = JSON.stringify(range);
        // Several problems inside one aliased anchor all land on the `*alias`: the first speaks for them.
        if (reported.has(at)) continue;
        reported.add(at);
        const renamable = violation.suggestion !== undefined && location.key !== undefined;
        const fixes = () => renameFixes(document, violation, location, data.value, violations.length);
        report({ messageId: violation.messageId, data: violation.data, range, ...(renamable ? { fixes } : {}) });
      }
    }
  },
});

/** The document's data as Compose reads it, or why it cannot be read. */
function plainData(document: YamlDocument): { value: unknown; problem?: undefined } | { value?: undefined; problem: Problem } {
  const shared = YamlView.dataOf(document);
  if (shared) return shared;
  try {
    return { value: document.parsed.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const aliases: Alias[] = [];
    visit(document.parsed, { Alias: (_, alias) => void aliases.push(alias) });
    const unresolved = aliases.find((alias) => !alias.resolve(document.parsed));
    if (unresolved) {
      return { problem: { messageId: 'unresolvedAlias', data: { name: unresolved.source }, range: document.rangeOf(unresolved) } };
    }
    return { problem: { messageId: 'tooManyAliases', range: document.rangeOf(aliases[0] ?? document.parsed.contents), severity: 'warning' } };
  }
}

/**
 * Keys for problems with a key, values for problems with a value; a value that spans several lines (a whole
 * mapping of the wrong type) is marked at its key, or on its first line when it has none (a sequence item).
 */
function reportRange(location: PathLocation, target: SchemaViolation['target'], text: TextDocument): Range {
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
 * key already, and the value must suit the key (`pre_start: [...]` is no `restart`).
 */
function renameFixes(document: YamlDocument, violation: SchemaViolation, location: PathLocation, data: unknown, violationCount: number): Fix[] {
  const suggestion = violation.suggestion;
  const key = location.key;
  if (!suggestion || !location.exact || !isScalar(key) || !key.range) return [];
  const objectPath = violation.path.slice(0, -1);
  const parent = nodeAtPath(document, objectPath).node;
  if (!isMap(parent) || pairOf(parent, suggestion)) return [];
  if (!renameResolves(data, objectPath, String(violation.path.at(-1)), suggestion, violationCount)) return [];
  const quoted = key.type === 'QUOTE_DOUBLE' || key.type === 'QUOTE_SINGLE';
  const [start, end] = quoted ? [key.range[0] + 1, key.range[1] - 1] : [key.range[0], key.range[1]];
  return [{ title: `Rename "${String(key.value)}" to "${suggestion}"`, edits: [{ range: document.rangeOfOffsets(start, end), newText: suggestion }] }];
}
