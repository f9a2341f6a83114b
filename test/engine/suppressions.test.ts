import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectSuppressions } from '../../server/src/engine/suppressions';
import { parseContainerFile } from '../../server/src/parsing/containerFile';

interface Case {
  name: string;
  uri: string;
  text: string;
  /** A finding of this rule with these aliases, at this 0-based line. */
  finding: { ruleId: string; aliases: string[]; line: number };
  suppressed: boolean;
}

const latestTag = (line: number) => ({ ruleId: 'dockerfile/latest-tag', aliases: ['hadolint:DL3007'], line });
const shellForm = (line: number) => ({ ruleId: 'dockerfile/shell-form-cmd', aliases: ['hadolint:DL3025', 'buildkit:JSONArgsRecommended'], line });
const unquoted = (line: number) => ({ ruleId: 'dockerfile/unquoted-variable', aliases: ['shellcheck:SC2086'], line });
const bashism = (line: number) => ({ ruleId: 'dockerfile/bash-syntax-in-sh', aliases: ['shellcheck:SC3010', 'shellcheck:SC2039'], line });
/** A RUN heredoc: comment lines 2 and 4, `set -e` on line 3, `cp $1` on 5 and `rm $2` on 6. */
const heredoc = (comment2: string, comment4: string) => `FROM debian:12\nRUN <<EOF\n${comment2}\nset -e\n${comment4}\ncp $1 /opt\nrm $2\nEOF\n`;
const version = (line: number) => ({ ruleId: 'compose/obsolete-version', aliases: ['dclint:no-version-field'], line });
const k8sLatest = (line: number) => ({
  ruleId: 'k8s/latest-tag',
  aliases: ['kube-linter:latest-tag', 'kube-score:container-image-tag', 'polaris:tagNotSpecified'],
  line,
});

/** A Pod with these annotations; its image is on line 9. */
const pod = (annotations: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n${annotations}\nspec:\n  containers:\n    - name: c\n      image: nginx\n`;

/** A Deployment whose pod template has these annotations; its image is on line 15. */
const deployment = (templateAnnotations: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  selector:\n    matchLabels: { app: d }\n  template:\n    metadata:\n      labels: { app: d }\n      annotations:\n    ${templateAnnotations}\n    spec:\n      containers:\n        - name: c\n          image: nginx\n`;

const cases: Case[] = [
  {
    name: 'own next-line comment',
    uri: 'file:///p/Dockerfile',
    text: '# container-standards-disable-next-line dockerfile/latest-tag -- pinned by renovate\nFROM node:latest\n',
    finding: latestTag(1),
    suppressed: true,
  },
  {
    name: 'own comment for another rule',
    uri: 'file:///p/Dockerfile',
    text: '# container-standards-disable-next-line dockerfile/syntax\nFROM node:latest\n',
    finding: latestTag(1),
    suppressed: false,
  },
  {
    name: 'own comment with several ids',
    uri: 'file:///p/Dockerfile',
    text: '# container-standards-disable-next-line dockerfile/syntax, dockerfile/latest-tag\nFROM node:latest\n',
    finding: latestTag(1),
    suppressed: true,
  },
  {
    name: 'own comment by alias',
    uri: 'file:///p/Dockerfile',
    text: '# container-standards-disable-next-line hadolint:DL3007\nFROM node:latest\n',
    finding: latestTag(1),
    suppressed: true,
  },
  {
    name: 'own comment reaches only the next instruction',
    uri: 'file:///p/Dockerfile',
    text: '# container-standards-disable-next-line dockerfile/latest-tag\nFROM node:latest\nFROM alpine:latest\n',
    finding: latestTag(2),
    suppressed: false,
  },
  {
    name: 'own comment covers a multi-line instruction',
    uri: 'file:///p/Dockerfile',
    text: 'FROM a:1\n# container-standards-disable-next-line dockerfile/shell-form-cmd\nCMD node \\\n  server.js\n',
    finding: shellForm(3),
    suppressed: true,
  },
  {
    name: 'own file comment',
    uri: 'file:///p/Dockerfile',
    text: 'FROM node:latest\n# container-standards-disable-file dockerfile/latest-tag\n',
    finding: latestTag(0),
    suppressed: true,
  },
  {
    name: 'own file comment without ids',
    uri: 'file:///p/Dockerfile',
    text: '# container-standards-disable-file\nFROM node:latest\n',
    finding: latestTag(1),
    suppressed: true,
  },
  {
    name: 'hadolint ignore',
    uri: 'file:///p/Dockerfile',
    text: '# hadolint ignore=DL3006,DL3007\nFROM node:latest\n',
    finding: latestTag(1),
    suppressed: true,
  },
  {
    name: 'hadolint ignore with a rationale',
    uri: 'file:///p/Dockerfile',
    text: '# hadolint ignore=DL3007 # base is rebuilt nightly\nFROM node:latest\n',
    finding: latestTag(1),
    suppressed: true,
  },
  {
    name: 'hadolint ignore of another code',
    uri: 'file:///p/Dockerfile',
    text: '# hadolint ignore=DL3008\nFROM node:latest\n',
    finding: latestTag(1),
    suppressed: false,
  },
  {
    name: 'hadolint global ignore',
    uri: 'file:///p/Dockerfile',
    text: '# hadolint global ignore=DL3007\nFROM a:1\nFROM node:latest\n',
    finding: latestTag(2),
    suppressed: true,
  },
  {
    name: 'buildkit check=skip',
    uri: 'file:///p/Dockerfile',
    text: '# check=skip=JSONArgsRecommended\nFROM a:1\nCMD x\n',
    finding: shellForm(2),
    suppressed: true,
  },
  {
    name: 'buildkit check with blanks before =',
    uri: 'file:///p/Dockerfile',
    text: '# check\t = skip=JSONArgsRecommended\nFROM a:1\nCMD x\n',
    finding: shellForm(2),
    suppressed: true,
  },
  {
    name: 'buildkit check=skip=all',
    uri: 'file:///p/Dockerfile',
    text: '# check=skip=all;error=true\nFROM a:1\nCMD x\n',
    finding: shellForm(2),
    suppressed: true,
  },
  {
    name: 'buildkit check=skip after the other parser directives',
    uri: 'file:///p/Dockerfile',
    text: '#!/usr/bin/env docker-build\n# syntax=docker/dockerfile:1\n# escape=\\\n# check=skip=JSONArgsRecommended\nFROM a:1\nCMD x\n',
    finding: shellForm(5),
    suppressed: true,
  },
  {
    name: 'buildkit check=skip below the directives covers only the instruction below it',
    uri: 'file:///p/Dockerfile',
    text: '# syntax=docker/dockerfile:1\n\n# check=skip=JSONArgsRecommended\nFROM a:1\nCMD x\n',
    finding: shellForm(4),
    suppressed: false,
  },
  {
    name: 'buildkit check=skip above an instruction',
    uri: 'file:///p/Dockerfile',
    text: 'FROM a:1\n# check=skip=JSONArgsRecommended\nCMD x\n',
    finding: shellForm(2),
    suppressed: true,
  },
  {
    name: 'buildkit check=skip after a byte order mark and a shebang',
    uri: 'file:///p/Dockerfile',
    text: '\uFEFF#!/usr/bin/env docker-build\n# check=skip=JSONArgsRecommended\nFROM a:1\nCMD x\n',
    finding: shellForm(3),
    suppressed: true,
  },
  {
    name: 'an indented check=skip at the top is no directive',
    uri: 'file:///p/Dockerfile',
    text: '  # check=skip=JSONArgsRecommended\nFROM a:1\nCMD x\n',
    finding: shellForm(2),
    suppressed: false,
  },
  {
    name: 'buildkit skip does not touch rules without a buildkit alias',
    uri: 'file:///p/Dockerfile',
    text: '# check=skip=all\nFROM node:latest\n',
    finding: latestTag(1),
    suppressed: false,
  },
  {
    name: 'dclint disable-line above',
    uri: 'file:///p/compose.yaml',
    text: '# dclint disable-line no-version-field\nversion: "3"\nservices: {}\n',
    finding: version(1),
    suppressed: true,
  },
  {
    name: 'dclint disable-line on the line',
    uri: 'file:///p/compose.yaml',
    text: 'version: "3" # dclint disable-line no-version-field\nservices: {}\n',
    finding: version(0),
    suppressed: true,
  },
  {
    name: 'dclint disable-file',
    uri: 'file:///p/compose.yaml',
    text: '# dclint disable-file\nservices: {}\nversion: "3"\n',
    finding: version(2),
    suppressed: true,
  },
  {
    name: 'dclint disable with rules, at the top',
    uri: 'file:///p/compose.yaml',
    text: '# dclint disable no-version-field services-alphabetical-order\nservices: {}\nversion: "3"\n',
    finding: version(2),
    suppressed: true,
  },
  {
    name: 'dclint disable of other rules',
    uri: 'file:///p/compose.yaml',
    text: '# dclint disable services-alphabetical-order\nservices: {}\nversion: "3"\n',
    finding: version(2),
    suppressed: false,
  },
  {
    name: 'dclint comment in a Dockerfile means nothing',
    uri: 'file:///p/Dockerfile',
    text: '# dclint disable-file\nFROM node:latest\n',
    finding: latestTag(1),
    suppressed: false,
  },
  {
    name: 'kube-linter annotation',
    uri: 'file:///p/pod.yaml',
    text: pod('    ignore-check.kube-linter.io/latest-tag: "pinned elsewhere"'),
    finding: k8sLatest(9),
    suppressed: true,
  },
  {
    name: 'kube-score annotation',
    uri: 'file:///p/pod.yaml',
    text: pod('    kube-score/ignore: pod-probes,container-image-tag'),
    finding: k8sLatest(9),
    suppressed: true,
  },
  {
    name: 'polaris annotation',
    uri: 'file:///p/pod.yaml',
    text: pod('    polaris.fairwinds.com/tagNotSpecified-exempt: "true"'),
    finding: k8sLatest(9),
    suppressed: true,
  },
  { name: 'unrelated annotation', uri: 'file:///p/pod.yaml', text: pod('    team: web'), finding: k8sLatest(9), suppressed: false },
  {
    name: 'an annotation exempts only its own object',
    uri: 'file:///p/pods.yaml',
    text: `${pod('    kube-linter.io/ignore-all: "true"')}---\n${pod('    team: web')}`,
    finding: k8sLatest(20),
    suppressed: false,
  },
  {
    name: 'kube-linter annotation without a value',
    uri: 'file:///p/pod.yaml',
    text: pod('    ignore-check.kube-linter.io/latest-tag: ""'),
    finding: k8sLatest(9),
    suppressed: true,
  },
  {
    name: 'kube-linter ignore-all, even empty',
    uri: 'file:///p/pod.yaml',
    text: pod('    kube-linter.io/ignore-all: ""'),
    finding: k8sLatest(9),
    suppressed: true,
  },
  {
    name: 'kube-linter ignore-all silences only rules that are kube-linter checks',
    uri: 'file:///p/pod.yaml',
    text: pod('    kube-linter.io/ignore-all: "true"'),
    finding: { ruleId: 'k8s/syntax', aliases: [], line: 9 },
    suppressed: false,
  },
  {
    name: 'kube-linter annotation for another check',
    uri: 'file:///p/pod.yaml',
    text: pod('    ignore-check.kube-linter.io/privileged-container: "needs the kernel"'),
    finding: k8sLatest(9),
    suppressed: false,
  },
  {
    name: 'polaris exemption is case-insensitive, as Polaris reads it',
    uri: 'file:///p/pod.yaml',
    text: pod('    polaris.fairwinds.com/tagNotSpecified-exempt: "True"'),
    finding: k8sLatest(9),
    suppressed: true,
  },
  {
    name: 'polaris exemption set to false',
    uri: 'file:///p/pod.yaml',
    text: pod('    polaris.fairwinds.com/tagNotSpecified-exempt: "false"'),
    finding: k8sLatest(9),
    suppressed: false,
  },
  {
    name: 'polaris exempt from every check',
    uri: 'file:///p/pod.yaml',
    text: pod('    polaris.fairwinds.com/exempt: "true"'),
    finding: k8sLatest(9),
    suppressed: true,
  },
  {
    name: 'kube-score annotation on the pod template (kube-score reads it there too)',
    uri: 'file:///p/deploy.yaml',
    text: deployment('    kube-score/ignore: container-image-tag'),
    finding: k8sLatest(15),
    suppressed: true,
  },
  {
    name: "kube-score annotation on a CronJob's pod template",
    uri: 'file:///p/cron.yaml',
    text: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n      template:\n        metadata:\n          annotations:\n            kube-score/ignore: pod-probes, container-image-tag\n        spec:\n          containers:\n            - name: c\n              image: busybox\n',
    finding: k8sLatest(15),
    suppressed: true,
  },
  {
    name: "kube-linter reads only the object's own annotations, not the pod template's",
    uri: 'file:///p/deploy.yaml',
    text: deployment('    ignore-check.kube-linter.io/latest-tag: "pinned elsewhere"'),
    finding: k8sLatest(15),
    suppressed: false,
  },
  {
    name: "polaris reads only the object's own annotations, not the pod template's",
    uri: 'file:///p/deploy.yaml',
    text: deployment('    polaris.fairwinds.com/exempt: "true"'),
    finding: k8sLatest(15),
    suppressed: false,
  },
  {
    name: 'own next-line comment in a manifest',
    uri: 'file:///p/pod.yaml',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      # container-standards-disable-next-line k8s/latest-tag -- pinned by the deploy tool\n      image: nginx\n',
    finding: k8sLatest(8),
    suppressed: true,
  },
  {
    name: 'own next-line comment by alias in a manifest',
    uri: 'file:///p/pod.yaml',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    # container-standards-disable-next-line polaris:tagNotSpecified\n    - image: nginx\n      name: c\n',
    finding: k8sLatest(7),
    suppressed: true,
  },
  {
    name: 'own disable-file comment in a multi-document manifest',
    uri: 'file:///p/pods.yaml',
    text: `# container-standards-disable-file kube-linter:latest-tag\n${pod('    team: web')}---\n${pod('    team: api')}`,
    finding: k8sLatest(21),
    suppressed: true,
  },
  {
    name: 'hadolint ignore of a ShellCheck code reaches the shell checks',
    uri: 'file:///p/Dockerfile',
    text: 'FROM debian:12\n# hadolint ignore=SC2086\nRUN cp $1 /opt\n',
    finding: unquoted(2),
    suppressed: true,
  },
  {
    name: 'hadolint ignore of the retired SC2039 covers every bashism',
    uri: 'file:///p/Dockerfile',
    text: 'FROM debian:12\n# hadolint ignore=SC2039\nRUN [[ -f /x ]] && echo y\n',
    finding: bashism(2),
    suppressed: true,
  },
  {
    name: 'shellcheck disable above the RUN',
    uri: 'file:///p/Dockerfile',
    text: 'FROM debian:12\n# shellcheck disable=SC2046,SC2086\nRUN cp $1 \\\n  /opt\n',
    finding: unquoted(3),
    suppressed: true,
  },
  {
    name: 'shellcheck disable of another code',
    uri: 'file:///p/Dockerfile',
    text: 'FROM debian:12\n# shellcheck disable=SC2046\nRUN cp $1 /opt\n',
    finding: unquoted(2),
    suppressed: false,
  },
  {
    name: 'shellcheck disable with a bare number and a range',
    uri: 'file:///p/Dockerfile',
    text: 'FROM debian:12\n# shellcheck disable=2086 disable=SC3000-SC3999\nRUN [[ -n $1 ]]\n',
    finding: bashism(2),
    suppressed: true,
  },
  {
    name: 'shellcheck disable inside a heredoc covers the statement below',
    uri: 'file:///p/Dockerfile',
    text: heredoc('# setup', '# shellcheck disable=SC2086'),
    finding: unquoted(5),
    suppressed: true,
  },
  {
    name: 'shellcheck disable inside a heredoc does not cover the statements after the next',
    uri: 'file:///p/Dockerfile',
    text: heredoc('# setup', '# shellcheck disable=SC2086'),
    finding: unquoted(6),
    suppressed: false,
  },
  {
    name: 'shellcheck disable at the top of a heredoc covers the whole script',
    uri: 'file:///p/Dockerfile',
    text: heredoc('# shellcheck disable=SC2086', '# copy'),
    finding: unquoted(6),
    suppressed: true,
  },
];

for (const entry of cases) {
  test(`suppression: ${entry.name}`, () => {
    const file = parseContainerFile(entry.uri, entry.text);
    const yamlErrors = 'yaml' in file && file.yaml ? file.yaml.documents.flatMap((document) => document.parsed.errors.map((error) => error.message)) : [];
    assert.deepEqual(yamlErrors, [], 'the case is valid YAML');
    const { ruleId, aliases, line } = entry.finding;
    const range = { start: { line, character: 0 }, end: { line, character: 1 } };
    assert.equal(collectSuppressions(file).covers({ ruleId, aliases, range }), entry.suppressed);
  });
}
