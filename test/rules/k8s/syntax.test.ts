import { rule } from '../../../server/src/rules/k8s/syntax';
import { ruleTester } from '../../ruleTester';

const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n';

ruleTester(rule, {
  valid: [
    configMap,
    { name: 'empty documents and comments between objects', code: `# objects\n---\n${configMap}---\n# nothing here\n---\n${configMap}---\n` },
    {
      name: 'a kustomize Kustomization beside objects is a tool config, not a broken object',
      code: `${configMap}---\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n`,
    },
    {
      name: 'Go-template actions in a block scalar are data',
      code: `${configMap}data:\n  alert.tmpl: |\n    {{ define "slack.title" }}{{ .CommonLabels.alertname }}{{ end }}\n`,
    },
  ],
  invalid: [
    {
      name: 'bad indentation in the second document: one finding, not one per way the parser fails',
      code: `${configMap}---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: y\n   namespace: z\n`,
      errors: [{ messageId: 'yaml', line: 9, column: 9, data: { message: 'Nested mappings are not allowed in compact mappings; quote the value' } }],
    },
    {
      name: 'an unclosed quote is shown at the quote, not at the end of the document',
      code: `${configMap}data:\n  greeting: "hello\n  other: 1\n`,
      errors: [{ messageId: 'yaml', line: 6, column: 13, endLine: 6, endColumn: 19, data: { message: 'this quoted value is never closed' } }],
    },
    {
      name: 'a tab used for indentation',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n',
      errors: [{ messageId: 'yaml', line: 4, column: 1, data: { message: 'Tabs are not allowed as indentation; indent with spaces' } }],
    },
    {
      name: 'a duplicate key names the key',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  name: y\n',
      errors: [{ messageId: 'yaml', line: 5, column: 3, data: { message: '"name" is given twice' } }],
    },
    {
      name: 'a stray closing brace: the tokens the parser then skips are not reported one by one',
      code: 'apiVersion: }apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n',
      errors: [{ messageId: 'yaml', line: 1, column: 13, data: { message: 'the document is not read past this point' } }],
    },
    {
      name: 'a line that loses the nesting: the lines below it are not reported as wrongly indented',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\nresources\n          ports:\n            - containerPort: 80\n          env:\n            - name: A\n              value: b\n',
      errors: [{ messageId: 'yaml', line: 11, column: 1, data: { message: 'a line is missing its ":" or is indented too far' } }],
    },
    {
      name: 'two real problems in two documents, each reported once',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "y\n',
      errors: [
        { messageId: 'yaml', line: 4, column: 1 },
        { messageId: 'yaml', line: 9, column: 9 },
      ],
    },
    {
      name: 'a document without apiVersion and kind among objects',
      code: `${configMap}---\nmetadata:\n  name: y\ndata: {}\n`,
      errors: [{ messageId: 'notObject', line: 6, column: 1, endLine: 6, endColumn: 10, data: { problem: 'missing apiVersion, missing kind' } }],
    },
    {
      name: 'a document whose kind is not a string',
      code: `${configMap}---\napiVersion: v1\nkind: [Pod]\n`,
      errors: [{ messageId: 'notObject', line: 6, column: 1, data: { problem: 'kind is not a string' } }],
    },
    {
      name: 'a document whose kind is empty',
      code: `${configMap}---\napiVersion: v1\nkind: ""\n`,
      errors: [{ messageId: 'notObject', line: 6, column: 1, data: { problem: 'kind is empty' } }],
    },
    {
      name: 'a list where an object belongs',
      code: `${configMap}---\n- name: a\n`,
      errors: [{ messageId: 'notObject', line: 6, column: 1, data: { problem: 'the document is not a mapping' } }],
    },
    {
      name: 'a manifest broken before its mapping starts is still recognised and reported',
      code: 'apiVersion: v1\n kind: ConfigMap\nmetadata:\n  name: x\n',
      errors: [{ messageId: 'yaml', line: 1, column: 13, data: { message: 'check the indentation of the line below' } }],
    },
  ],
});
