// Inputs the engine fuzzing (test/robust/engineFuzz.test.ts, npm run fuzz) found a crash or a wrong range on, cut
// down to what still showed it: each must now lint without a rule failing, with every range and fix inside the file.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Linter } from '../../server/src/engine/linter';
import { rules } from '../../server/src/rules';
import { Workspace } from '../../server/src/workspace/workspace';
import { violations } from '../helpers/engineFuzz';

interface Regression {
  what: string;
  fileName: string;
  languageId: string;
  text: string;
  /** The version of the file the editor had open before `text`, whose parse and findings the lint of `text` re-uses. */
  before?: string;
  /** A finding that shows the file was checked, `rule line:character` of its start. */
  expected?: string;
  /** A rule that must not report. */
  absent?: string;
  /** Other files of the project. */
  files?: Readonly<Record<string, string>>;
}

const DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata: {labels: {app: web}}',
  '    spec:',
  '      containers: [{name: web, image: web:1.0}]',
  '',
].join('\n');

const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n---\n';

const REGRESSIONS: Regression[] = [
  {
    what: 'a backslash before a lone CR, then a comment line (dockerfile-ast threw in getHeredocs)',
    fileName: 'Dockerfile',
    languageId: 'dockerfile',
    text: 'FROM alpine:3.22\nRUN a \\\r# c\n',
    expected: 'dockerfile/no-user 0:5',
  },
  {
    what: 'half a surrogate pair in paths a compose file names (vscode-uri threw "URI malformed", out of the linter)',
    fileName: 'compose.yaml',
    languageId: 'dockercompose',
    text: 'services:\n  web:\n    build: ./app\ud83d\n    env_file: x\ude00.env\ninclude:\n  - other\ud83d.yaml\n',
    expected: 'compose/path-not-found 2:11',
  },
  {
    what: 'lone CRs as line breaks in a JSON (or YAML) file (the yaml library saw none: a syntax error, and ranges past the end of a line)',
    fileName: 'task-definition.json',
    languageId: 'json',
    text: '{\n  "family": "web",\n  "containerDefinitions": [\r    { "image": "nginx:1.27" }\r  ]\n}\n',
    expected: 'ecs/run-as-root 3:4',
    absent: 'ecs/syntax',
  },
  {
    what: 'a merge key being typed in a compose file (`<<:`, the yaml library throws reading the data)',
    fileName: 'compose.yaml',
    languageId: 'dockercompose',
    text: 'x-defaults: &defaults {restart: always}\nservices:\n  web:\n    <<:\n    image: nginx:1.27\n',
    expected: 'compose/schema 3:4',
  },
  {
    what: 'a merge key of a scalar alias in a manifest',
    fileName: 'pod.yaml',
    languageId: 'yaml',
    text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: &name web}\nspec:\n  <<: *name\n  containers: [{name: web, image: web:1.0}]\n',
    expected: 'k8s/schema 4:2',
  },
  {
    what: 'a task definition without containers whose first line ends in a lone CR (the finding ran past the line)',
    fileName: 'task-definition.json',
    languageId: 'json',
    text: '{\r  "family": "web",\n  "cpu": "256"\n}',
    expected: 'ecs/syntax 0:0',
  },
  {
    what: 'a variable whose name is continued onto the next line (the undefined-var finding ran past the first line)',
    fileName: 'Dockerfile',
    languageId: 'dockerfile',
    text: 'FROM $\\\nGO\n',
    expected: 'dockerfile/undefined-var 0:6',
  },
  {
    what: 'a Deployment kept from the previous version, moved down by a document added above it (its anchor stayed where it was)',
    fileName: 'deploy.yaml',
    languageId: 'yaml',
    before: CONFIG_MAP + DEPLOYMENT,
    text: CONFIG_MAP + CONFIG_MAP + DEPLOYMENT,
    expected: 'k8s/single-replica 11:8',
  },
  {
    what: 'a RUN continued onto a line that starts with an escaped blank (dockerfile-ast threw in getHeredocs)',
    fileName: 'Dockerfile',
    languageId: 'dockerfile',
    text: 'FROM alpine:3.22\nRUN \\\n\\ x\n',
    expected: 'dockerfile/no-user 0:5',
  },
];

for (const regression of REGRESSIONS) {
  test(`fuzzing found: ${regression.what}`, () => {
    const root = 'file:///p/';
    const texts = new Map(Object.entries(regression.files ?? {}).map(([path, text]) => [root + path, text]));
    const workspace = new Workspace({ readFile: (uri) => texts.get(uri) });
    for (const uri of texts.keys()) workspace.index(uri);
    const uri = root + regression.fileName;
    const linter = new Linter(workspace, rules);
    if (regression.before !== undefined) {
      workspace.open(uri, regression.before, regression.languageId);
      linter.lint(uri);
    }
    workspace.open(uri, regression.text, regression.languageId);
    const result = linter.lint(uri)!;
    assert.deepEqual(
      violations(result.findings, regression.text, (other) => workspace.readText(other)),
      [],
    );
    if (regression.expected) {
      const found = result.findings.map((finding) => `${finding.ruleId} ${finding.range.start.line}:${finding.range.start.character}`);
      assert.ok(found.includes(regression.expected), `expected ${regression.expected} among ${found.join(', ')}`);
    }
    if (regression.absent) {
      assert.deepEqual(
        result.findings.filter((finding) => finding.ruleId === regression.absent).map((finding) => finding.message),
        [],
      );
    }
  });
}
