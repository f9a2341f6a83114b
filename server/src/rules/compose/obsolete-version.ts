import { defineComposeRule } from '../../engine/ruleTypes';
import { pairOf } from '../../parsing/yaml';

export const rule = defineComposeRule({
  id: 'compose/obsolete-version',
  meta: {
    severity: 'warning',
    description: 'The top-level `version` key is obsolete: Compose ignores it and always applies the current specification.',
    fixable: true,
    aliases: ['dclint:no-version-field'],
    messages: {
      obsolete: 'The top-level "version" is obsolete and ignored by Docker Compose; delete it.',
    },
  },
  check({ file, report }) {
    const document = file.yaml.documents[0];
    const version = pairOf(document?.root, 'version');
    if (!document || !version) return;
    const range = document.rangeOf(version);
    const lineCount = file.document.lineCount;
    const deleteThrough = range.end.line + 1 < lineCount ? { line: range.end.line + 1, character: 0 } : range.end;
    report({
      messageId: 'obsolete',
      range,
      fixes: [{ title: 'Delete the obsolete "version" line', edits: [{ range: { start: { line: range.start.line, character: 0 }, end: deleteThrough }, newText: '' }] }],
    });
  },
});
