import { rule } from '../../../server/src/rules/compose/syntax';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintCase, ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'services:\n  app:\n    image: nginx:1.27\n',
    { name: 'anchors and merge keys', code: 'x-base: &base\n  restart: always\nservices:\n  app:\n    <<: *base\n    image: nginx:1.27\n' },
  ],
  invalid: [
    { name: 'unclosed flow mapping', code: 'services:\n  app: {image: nginx\n', errors: [{ messageId: 'yaml', line: 3, column: 1 }] },
    { name: 'duplicate key', code: 'services:\n  app:\n    image: a:1\n    image: b:2\n', errors: [{ messageId: 'yaml', line: 4, column: 5 }] },
  ],
});

// Where the parser gives up depends on the stack Node.js has, so only the message and the count are fixed.
test('nesting too deep for the parser: one clear error, not one per level', () => {
  const findings = lintCase(rule, { code: `services: ${'['.repeat(20000)}${']'.repeat(20000)}\n` });
  assert.deepEqual(
    findings.map((finding) => finding.message),
    ['YAML syntax: nested too deeply to read (Maximum call stack size exceeded)'],
  );
});

test('errors before the point where the parser gave up are kept', () => {
  const findings = lintCase(rule, { code: `services:\n  a:\n    image: x\n    image: y\n  b: ${'['.repeat(20000)}${']'.repeat(20000)}\n` });
  assert.deepEqual(
    findings.map((finding) => [finding.range.start.line, finding.message.startsWith('YAML syntax: nested too deeply') ? 'nesting' : 'other']),
    [
      [3, 'other'],
      [4, 'nesting'],
    ],
  );
});
