import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DockerfileFile } from '../../server/src/parsing/containerFile';
import { runInstructions } from '../../server/src/parsing/dockerfileRun';
import { RecentMemo, VersionMemo } from '../../server/src/parsing/versionMemo';
import { Workspace } from '../../server/src/workspace/workspace';

test('a version reuses what the previous one worked out, keeps what it uses and lets the rest go; a first version keeps nothing', () => {
  let computed = 0;
  const compute = (value: string) => () => {
    computed++;
    return value;
  };
  // A document's first version keeps nothing: most files are never edited.
  const opened = new VersionMemo<string>();
  opened.get('a', compute('A'));
  const first = new VersionMemo(opened);
  assert.equal(first.get('a', compute('A')), 'A');
  assert.equal(computed, 2);
  first.get('b', compute('B'));
  const second = new VersionMemo(first);
  assert.equal(second.get('a', compute('other')), 'A');
  assert.equal(computed, 3);
  const third = new VersionMemo(second);
  // `b` was not used by the second version: the third works it out again.
  assert.equal(third.get('b', compute('B again')), 'B again');
  assert.equal(third.get('a', compute('other')), 'A');
  assert.equal(computed, 4);
});

test('recent pieces: the least recently used goes first', () => {
  const recent = new RecentMemo<string>(2);
  recent.set('a', 'A');
  recent.set('b', 'B');
  recent.get('a');
  recent.set('c', 'C');
  assert.deepEqual(
    ['a', 'b', 'c'].map((key) => recent.get(key)),
    ['A', undefined, 'C'],
  );
  // A new document's memo looks there before working a piece out, and leaves what it worked out there.
  const memo = new VersionMemo<string>(undefined, recent);
  assert.equal(
    memo.get('a', () => 'other'),
    'A',
  );
  assert.equal(
    memo.get('d', () => 'D'),
    'D',
  );
  assert.equal(recent.get('d'), 'D');
});

test('an edited Dockerfile re-parses only the scripts whose text changed; a document opened anew finds recent ones', () => {
  const workspace = new Workspace({ readFile: () => undefined });
  const uri = 'file:///memo/Dockerfile';
  const text = 'FROM alpine:3.22\nRUN apk add --no-cache curl\nRUN echo one\n';
  const scriptsOf = (fileUri: string) => runInstructions(workspace.get(fileUri) as DockerfileFile).map((run) => run.script?.parsed);
  workspace.open(uri, text, 'dockerfile');
  const [curl, one] = scriptsOf(uri);
  workspace.open(uri, text.replace('echo one', 'echo two'), 'dockerfile');
  const [curlAfter, two] = scriptsOf(uri);
  assert.equal(curlAfter, curl);
  assert.notEqual(two, one);
  assert.equal(two?.commands[0]?.words[1]?.value, 'two');
  workspace.close(uri);
  workspace.open('file:///other/Dockerfile', text, 'dockerfile');
  assert.equal(scriptsOf('file:///other/Dockerfile')[0], curl);
  const elsewhere = new Workspace({ readFile: () => undefined });
  elsewhere.open(uri, text, 'dockerfile');
  assert.notEqual(runInstructions(elsewhere.get(uri) as DockerfileFile)[0]?.script?.parsed, curl);
});
