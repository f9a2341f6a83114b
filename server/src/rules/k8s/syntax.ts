import { isMap, isScalar, type Node } from 'yaml';
import { defineKubernetesRule } from '../../engine/ruleTypes';
import { pairOf, type YamlDocument } from '../../parsing/yaml';
import { reportSyntaxProblems } from '../support/yamlSyntaxProblems';
import { UNCHECKED_MESSAGES } from '../../parsing/sizeLimits';

export const rule = defineKubernetesRule({
  id: 'k8s/syntax',
  meta: {
    severity: 'error',
    description: 'A document of the manifest file is not well-formed YAML, or is not a Kubernetes object (no `apiVersion` or `kind`).',
    scope: 'document',
    aliases: [],
    messages: {
      ...UNCHECKED_MESSAGES,
      yaml: 'YAML syntax: {{message}}',
      notObject: 'Not a Kubernetes object: {{problem}}. kubectl rejects every document of a manifest file without `apiVersion` and `kind` strings.',
    },
    explanation: {
      why: 'kubectl cannot decode a manifest that is not valid YAML, so the apply fails; a tab used for indentation or an unclosed quote is enough. A document without `apiVersion` and `kind` is refused as well ("Object \'Kind\' is missing"). Helm templates and tool configurations (kustomization, skaffold, kind, …) are not manifests and are not checked.',
      standard: 'YAML 1.2 specification; Kubernetes API conventions (every object names its apiVersion and kind).',
      bad: 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: app }\ndata:\n  greeting: "hello',
      good: 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: app }\ndata:\n  greeting: "hello"',
    },
  },
  check({ file, report }) {
    reportSyntaxProblems(file.yaml.documents, 'yaml', report);
    // A broken document has its syntax errors already; what it would be once fixed is not known yet.
    for (const document of file.notObjects) {
      if (document.parsed.errors.length > 0) continue;
      report({ messageId: 'notObject', data: { problem: whatIsMissing(document) }, range: firstLineOf(document) });
    }
  },
});

function whatIsMissing(document: YamlDocument): string {
  if (!document.root) return 'the document is not a mapping';
  const problems = (['apiVersion', 'kind'] as const).flatMap((key) => {
    const pair = pairOf(document.root, key);
    if (!pair) return [`missing ${key}`];
    if (!isScalar(pair.value) || typeof pair.value.value !== 'string') return [`${key} is not a string`];
    return pair.value.value === '' ? [`${key} is empty`] : [];
  });
  return problems.join(', ');
}

/** The document's first line of content: squiggling a whole document would hide every other finding in it. */
function firstLineOf(document: YamlDocument) {
  const contents = document.parsed.contents as Node | null;
  const start = (isMap(contents) ? (contents.items[0]?.key as Node | undefined)?.range?.[0] : undefined) ?? contents?.range?.[0] ?? 0;
  const lineEnd = document.text.indexOf('\n', start);
  const end = lineEnd < 0 ? document.text.length : lineEnd;
  return document.rangeOfOffsets(start, document.text[end - 1] === '\r' ? end - 1 : end);
}
