import type { Position } from 'vscode-languageserver-types';
import { defineDockerfileRule } from '../../engine/ruleTypes';
import type { DockerfileFile } from '../../parsing/containerFile';
import { copiesAndAdds, copyArguments, type PathArgument } from '../support/copyAndAdd';

/** A variable at the end (`$DEST`) may hold the slash; one earlier (`$ROOT/app`) cannot add it. */
const END_VARIABLE = /\$(\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)$/;

export const rule = defineDockerfileRule({
  id: 'dockerfile/copy-destination-trailing-slash',
  meta: {
    severity: 'error',
    description: 'COPY or ADD with several sources has a destination that does not end with a slash, which the builder rejects.',
    fix: { applied: 'auto' },
    aliases: ['hadolint:DL3021'],
    messages: {
      notDirectory: '{{instruction}} copies {{count}} sources into {{destination}}, which must be a directory ending with "/"; write {{destination}}/.',
    },
    explanation: {
      why: 'With several sources the destination must be a directory, and the builder only treats it as one when it ends with a slash; otherwise the build fails.',
      standard: 'Dockerfile reference (COPY); hadolint DL3021.',
      bad: 'COPY package.json package-lock.json .',
      good: 'COPY package.json package-lock.json ./',
    },
  },
  check({ file, report }) {
    for (const { instruction } of copiesAndAdds(file.dockerfile, { onbuild: true })) {
      const { sources, destination } = copyArguments(file, instruction);
      if (sources.length < 2 || !destination || /[\\/]$/.test(destination.value) || END_VARIABLE.test(destination.value)) continue;
      const end = insideQuotes(file, destination);
      report({
        messageId: 'notDirectory',
        data: { instruction: instruction.getKeyword(), count: sources.length, destination: destination.value },
        range: destination.range,
        fixes: [{ title: `Write the destination as ${destination.value}/`, edits: [{ range: { start: end, end }, newText: '/' }] }],
      });
    }
  },
});

/** Where a slash goes at the end of a destination: before its closing quote when it is quoted. */
function insideQuotes(file: DockerfileFile, destination: PathArgument): Position {
  const written = file.document.getText(destination.range);
  const quoted = written.length >= 2 && /^(["']).*\1$/s.test(written);
  return quoted ? file.document.positionAt(file.document.offsetAt(destination.range.end) - 1) : destination.range.end;
}
