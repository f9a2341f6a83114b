import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { parseConfigText } from '../../server/src/engine/readConfig';
import { declaredOptions } from '../../server/src/engine/ruleTypes';
import { rules } from '../../server/src/rules';
import { configTemplate } from '../../server/src/service/configTemplate';

const SCHEMA = 'file:///ext/schemas/container-standards.schema.json';

test('config template: starts with the schema reference and changes nothing until a key is uncommented', () => {
  const text = configTemplate(rules, SCHEMA);
  assert.equal(text.split('\n')[0], `# yaml-language-server: $schema=${SCHEMA}`);
  assert.equal(parseYaml(text), null);
  assert.deepEqual(parseConfigText(text, '.container-standards.yaml', rules).problems, []);
});

test('config template: every commented example is valid once uncommented', () => {
  const uncommented = configTemplate(rules, SCHEMA)
    .split('\n')
    .filter((line) => /^# {0,3}[\w"]/.test(line) && !/^# [A-Z]/.test(line) && !line.includes('$schema') && !/^# \w+ \(read by /.test(line))
    .map((line) => line.slice(2))
    .join('\n');
  const reading = parseConfigText(uncommented, '.container-standards.yaml', rules);
  assert.deepEqual(reading.problems, [], uncommented);
  const value = parseYaml(uncommented) as Record<string, unknown>;
  assert.ok(value.rules && value.kubernetes, uncommented);
  for (const rule of rules) for (const [name] of declaredOptions(rule)) assert.ok(name in value, `option ${name} of ${rule.id} has an example`);
});
