import type { Property } from 'dockerfile-ast';
import { defineDockerfileRule, type Fix } from '../../engine/ruleTypes';
import type { DockerfileFile } from '../../parsing/containerFile';
import { propertiesOf } from '../support/dockerfile';
import { escapeRegExp } from '../../parsing/patterns';

export const rule = defineDockerfileRule({
  id: 'dockerfile/legacy-key-value-format',
  meta: {
    severity: 'warning',
    description: 'ENV or LABEL uses the deprecated `key value` form instead of `key=value`.',
    fix: { when: 'unless a value with blanks also holds quotes or escapes', applied: 'auto' },
    aliases: ['buildkit:LegacyKeyValueFormat'],
    messages: {
      legacy:
        '{{instruction}} {{name}} uses the legacy "{{instruction}} key value" form, which sets only one key and is deprecated; write "{{instruction}} {{name}}=value".',
    },
    explanation: {
      why: 'In the `ENV key value` form everything after the key is one value, spaces included, and the form is deprecated; `key=value` is unambiguous and sets several keys at once.',
      standard: 'BuildKit build check LegacyKeyValueFormat; Dockerfile reference (ENV).',
      bad: 'ENV NODE_ENV production',
      good: 'ENV NODE_ENV=production',
    },
  },
  check({ file, report }) {
    for (const instruction of file.dockerfile.ast.getInstructions()) {
      const keyword = instruction.getKeyword();
      // `ARG a b` is not this form: the builder reads it as two ARGs.
      if (keyword !== 'ENV' && keyword !== 'LABEL') continue;
      const legacy = propertiesOf(instruction).find((property) => property.getAssignmentOperator() === null && property.getValueRange() !== null);
      if (!legacy) continue;
      const fix = keyValueFix(file, legacy);
      report({ messageId: 'legacy', data: { instruction: keyword, name: legacy.getName() }, range: legacy.getRange(), fixes: fix ? [fix] : [] });
    }
  },
});

/**
 * `ENV key some value` → `ENV key="some value"`. The legacy value is everything after the key, so it is wrapped
 * in double quotes when it has unquoted blanks; such a value with quotes or escapes of its own gets no fix, as
 * re-quoting it could change it.
 */
function keyValueFix(file: DockerfileFile, property: Property): Fix | undefined {
  const valueRange = property.getValueRange()!;
  const raw = file.document.getText(valueRange);
  const escapeCharacter = file.dockerfile.ast.getEscapeCharacter();
  const between = { start: property.getNameRange().end, end: valueRange.start };
  const title = `Write ${property.getName()}=…`;
  if (!hasUnquotedBlank(raw, escapeCharacter)) return { title, edits: [{ range: between, newText: '=' }] };
  const withoutContinuations = raw.replace(new RegExp(`${escapeRegExp(escapeCharacter)}\\r?\\n`, 'g'), '');
  if (/["']/.test(withoutContinuations) || withoutContinuations.includes(escapeCharacter)) return undefined;
  return {
    title,
    edits: [
      { range: between, newText: '="' },
      { range: { start: valueRange.end, end: valueRange.end }, newText: '"' },
    ],
  };
}

/**
 * Whether the value has a blank outside quotes (a line continuation counts as nothing, its indentation as blank),
 * or a quote left open, which makes its extent unclear as well.
 */
function hasUnquotedBlank(value: string, escapeCharacter: string): boolean {
  let quote: string | undefined;
  for (let index = 0; index < value.length; index++) {
    const char = value[index]!;
    if (char === escapeCharacter && quote !== "'") index++;
    else if (quote) quote = char === quote ? undefined : quote;
    else if (char === '"' || char === "'") quote = char;
    else if (/\s/.test(char)) return true;
  }
  return quote !== undefined;
}
