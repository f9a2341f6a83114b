// Compose targets a `development` stage: added to the user's Dockerfile without changing what `docker build` builds.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseDockerfile } from '../../server/src/parsing/dockerfile';
import { withDevelopmentStage } from '../../server/src/scaffold/developmentStage';
import { corpus, corpusFiles } from '../helpers/corpus';
import { lintGenerated } from './lintGenerated';

const cases: { name: string; before: string; after: string | undefined }[] = [
  {
    name: 'multi-stage: built on the stage the final one copies from, inserted above the final stage and its comments',
    before: [
      'FROM golang:1.23 AS builder',
      'WORKDIR /src',
      'COPY . .',
      'RUN go build -o /app .',
      '',
      '# The runtime image.',
      'FROM gcr.io/distroless/static-debian12:nonroot',
      'COPY --from=builder /app /app',
      'USER 65532:65532',
      'EXPOSE 8080',
      'ENTRYPOINT ["/app"]',
      '',
    ].join('\n'),
    after: [
      'FROM golang:1.23 AS builder',
      'WORKDIR /src',
      'COPY . .',
      'RUN go build -o /app .',
      '',
      '# Compose builds this stage for local development: the sources and tools of "builder", started as the final stage is.',
      'FROM builder AS development',
      'USER 65532:65532',
      'EXPOSE 8080',
      'ENTRYPOINT ["/app"]',
      '',
      '# The runtime image.',
      'FROM gcr.io/distroless/static-debian12:nonroot',
      'COPY --from=builder /app /app',
      'USER 65532:65532',
      'EXPOSE 8080',
      'ENTRYPOINT ["/app"]',
      '',
    ].join('\n'),
  },
  {
    name: 'an unnamed stage referenced by index gets a name; CRLF is kept',
    before: ['FROM node:22-alpine', 'RUN npm ci', '', 'FROM node:22-alpine', 'COPY --from=0 /app /app', 'CMD ["node", "/app/index.js"]', ''].join('\r\n'),
    after: [
      'FROM node:22-alpine AS build',
      'RUN npm ci',
      '',
      '# Compose builds this stage for local development: the sources and tools of "build", started as the final stage is.',
      'FROM build AS development',
      'CMD ["node", "/app/index.js"]',
      '',
      'FROM node:22-alpine',
      'COPY --from=0 /app /app',
      'CMD ["node", "/app/index.js"]',
      '',
    ].join('\r\n'),
  },
  {
    name: 'one stage: named, then the development stage, then a last FROM that keeps it the default build',
    before: 'FROM python:3.13-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]\n\n',
    after: [
      'FROM python:3.13-slim AS app',
      'COPY . /app',
      'CMD ["python", "/app/main.py"]',
      '',
      '# Compose builds this stage for local development (docker compose up).',
      'FROM app AS development',
      '',
      '# The last stage is what `docker build` builds by default: the image above, unchanged.',
      'FROM app',
      '',
    ].join('\n'),
  },
  { name: 'a development stage already there: nothing to do', before: 'FROM node:22 AS development\nFROM node:22\n', after: undefined },
  { name: 'no stage at all: nothing to do', before: '# empty\n', after: undefined },
];

for (const { name, before, after } of cases) {
  test(`withDevelopmentStage: ${name}`, () => assert.equal(withDevelopmentStage(before), after));
}

/** What `docker build` builds: the final stage's base and instructions, through a last `FROM <stage>` with none. */
function defaultBuild(text: string): { base: string | undefined; instructions: string[] } {
  let stage = parseDockerfile(text).finalStage;
  while (stage?.baseStage && stage.instructions.length === 1) stage = stage.baseStage;
  return {
    base: stage?.from.getImage() ?? undefined,
    instructions: stage ? stage.instructions.slice(1).map((instruction) => instruction.getTextContent()) : [],
  };
}

test('over the Dockerfile corpus: the final stage is unchanged, the development stage is there, and no rule fires that did not before', (t) => {
  const folder = join(corpus, 'dockerfile');
  if (!existsSync(folder)) {
    t.skip(`the real-world corpus is not at ${corpus}`);
    return;
  }
  let changed = 0;
  for (const { path, text } of corpusFiles(folder)) {
    const updated = withDevelopmentStage(text);
    if (updated === undefined) continue;
    changed++;
    const model = parseDockerfile(updated);
    assert.ok(
      model.stages.some((stage) => stage.name === 'development'),
      path,
    );
    assert.deepEqual(defaultBuild(updated), defaultBuild(text), `${path}: what docker build builds`);
    // The copied USER/CMD lines may repeat a finding of the final stage; no rule may fire that did not before.
    const rulesOf = (source: string) => new Set(lintGenerated([{ path: 'Dockerfile', text: source }]).findings.map((finding) => finding.rule));
    const before = rulesOf(text);
    const added = [...rulesOf(updated)].filter((rule) => !before.has(rule));
    assert.deepEqual(added, [], `${path}: findings the development stage brought`);
  }
  assert.ok(changed > 100, `only ${changed} corpus Dockerfiles got a development stage`);
});
