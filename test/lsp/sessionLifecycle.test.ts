import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempFolder } from '../helpers/cli';
import { startServer } from './lspClient';
import { dockerfile, dockerfileDiagnostics, essentials } from './samples';

test('closing a document whose file is on disk leaves it without diagnostics, even when closed before its first check finished', async (t) => {
  const folder = tempFolder({ Dockerfile: dockerfile.text });
  const client = await startServer(t, { workspaceFolder: folder });
  for (let round = 0; round < 3; round++) {
    const settingsAsked = client.next('workspace/configuration');
    const uri = await client.open(dockerfile.fileName, dockerfile.languageId, dockerfile.text);
    await client.change(uri, `${dockerfile.text}RUN echo ${round}\n`);
    await client.close(uri);
    // The check the open started waits for the document's settings; the client answers after the close went out, and
    // a request answered after that answer proves the server has handled it.
    await settingsAsked;
    await client.documentSymbols(uri);
    assert.deepEqual(await client.published(uri), [], `round ${round}`);
  }
});
