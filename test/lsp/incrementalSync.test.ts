import { test } from 'node:test';
import { EDITED_DOCUMENTS, replayEdits } from './editReplay';
import { startServer } from './lspClient';

// A seeded subset; `node --import tsx scripts/replayEdits.ts` replays 10,000 edits and more seeds.
const EDITS_PER_DOCUMENT = 250;

for (const document of EDITED_DOCUMENTS) {
  test(`${EDITS_PER_DOCUMENT} random incremental edits of a ${document.languageId} document keep the server's text, outline and diagnostics those of the client's text`, async (t) => {
    const client = await startServer(t);
    await replayEdits(client, document, { seed: 1, edits: EDITS_PER_DOCUMENT });
  });
}
