import { defineDockerfileRule } from '../../engine/ruleTypes';
import { copiesAndAdds } from '../support/copyAndAdd';
import { sourcesOf } from '../support/buildContext';

export const rule = defineDockerfileRule({
  id: 'dockerfile/copy-sensitive-file',
  meta: {
    severity: 'error',
    description: 'COPY or ADD puts a secret file (.env, private keys, registry or cloud credentials) into an image layer.',
    aliases: [],
    messages: {
      sensitiveFile:
        '{{instruction}} puts "{{source}}" ({{kind}}) into an image layer, where anyone who can pull the image can read it, even if a later step deletes it; use a build secret (`RUN --mount=type=secret`) or provide it at runtime.',
    },
    explanation: {
      why: 'Image layers are archives anyone with pull access can unpack; a file deleted in a later layer is still in the earlier one.',
      standard: 'Container standard "external secrets"; CIS Docker Benchmark 4.10 (do not store secrets in Dockerfiles).',
      bad: 'COPY .env .npmrc ./\nRUN npm ci',
      good: 'COPY package.json package-lock.json ./\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci',
    },
  },
  check({ file, report }) {
    // ONBUILD triggers copy from a later build's context, which may hold the same files.
    for (const copy of copiesAndAdds(file.dockerfile, { onbuild: true })) {
      for (const source of sourcesOf(file, copy)) {
        const kind = sensitiveKind(source.path);
        if (kind) report({ messageId: 'sensitiveFile', data: { instruction: copy.instruction.getKeyword(), source: source.value, kind }, range: source.range });
      }
    }
  },
});

/** Which kind of secret a path (or glob, such as `*.pem`) names, if any. */
function sensitiveKind(path: string): string | undefined {
  const segments = path.split('/');
  const folder = segments.find((segment) => SECRET_FOLDERS.has(segment));
  if (folder) return `${SECRET_FOLDERS.get(folder)} folder`;
  const name = segments.at(-1) ?? path;
  return SECRET_FILES.find(([pattern]) => pattern.test(name))?.[1];
}

const SECRET_FOLDERS = new Map([
  ['.aws', 'AWS credentials'],
  ['.ssh', 'SSH keys'],
  ['.gnupg', 'GnuPG keys'],
]);

/** Tested on the file name, so globs written in COPY (`.env*`, `*.key`) match too. */
const SECRET_FILES: readonly (readonly [RegExp, string])[] = [
  [/^\.env(?!\.(example|sample|template|dist|defaults?)$)($|[.*?[])/, 'environment file with secrets'],
  [/\.(pem|key|p12|pfx)$/, 'private key or certificate'],
  [/^id_(rsa|dsa|ecdsa|ed25519)(?!.*\.pub$)/, 'SSH private key'],
  [/^\.npmrc$/, 'npm registry credentials'],
  [/^\.pypirc$/, 'PyPI credentials'],
  [/^\.netrc$/, 'netrc credentials'],
  [/^\.git-credentials$/, 'Git credentials'],
  [/^credentials/, 'credentials file'],
];
