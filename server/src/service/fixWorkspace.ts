import type { CancellationToken, WorkDoneProgressReporter } from 'vscode-languageserver';
import type { AnnotatedTextEdit, ChangeAnnotation, CreateFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { ComposedEdits, type ComposedEdit } from '../engine/composedEdits';
import { fixUntilStable } from '../engine/fixpoint';
import { Linter } from '../engine/linter';
import type { WorkspaceFixes } from '../protocol';
import { diskReader, Workspace } from '../workspace/workspace';
import type { Session } from './session';
import { containerFileUris, displayPath, forEachFile } from './workspaceFiles';

export interface WorkspaceFixRequest {
  session: Session;
  folderUris: readonly string[];
  /** Only the files under this folder; the whole workspace when absent. */
  scopeUri: string | undefined;
  /** The version of each open document, which the edit names so that the client refuses it if the text moved on. */
  openVersion: (uri: string) => number | undefined;
  token: CancellationToken;
  progress: WorkDoneProgressReporter;
}

/**
 * Every safe fix of every container file as one `WorkspaceEdit`, worked out with the CLI's fixpoint on a scratch copy
 * of the workspace (the editor's buffers over the disk), so nothing changes until the user accepts the preview. Each
 * change carries an annotation per file and rule that needs confirmation, which makes VS Code show its refactor
 * preview; files a fix creates come as create operations with their content.
 */
export async function workspaceFixes(request: WorkspaceFixRequest): Promise<WorkspaceFixes> {
  const { session, folderUris, token, progress } = request;
  const written = new Map<string, string>();
  const scratch = new Workspace({
    readFile: (uri) => (written.has(uri) ? written.get(uri) : session.workspace.readText(uri)),
    isFolder: diskReader.isFolder,
  });
  for (const uri of session.workspace.uris()) scratch.index(uri, { composeByContent: session.workspace.isOpen(uri) });
  scratch.adoptReferencedComposeFiles();
  const linter = new Linter(scratch, session.linter.rules);
  const histories = new Map<string, { composed: ComposedEdits; created: boolean }>();
  const write = (uri: string, text: string) => {
    written.set(uri, text);
    scratch.changedOnDisk(uri);
  };
  const uris = containerFileUris(session.workspace, request.scopeUri);
  const completed = await forEachFile(uris, 'Working out safe fixes', progress, token, async (uri) => {
    const settings = await session.settings.forDocument(uri);
    fixUntilStable(linter, uri, settings, write, ({ uri: changed, before, edits }) => {
      let history = histories.get(changed);
      if (!history) {
        history = { composed: new ComposedEdits(before ?? ''), created: before === undefined };
        histories.set(changed, history);
      }
      history.composed.add(before ?? '', edits);
    });
  });
  if (!completed) return { edit: {}, changeCount: 0, fileCount: 0, cancelled: true };
  return buildEdit(histories, (uri) => displayPath(uri, folderUris), request.openVersion);
}

function buildEdit(
  histories: ReadonlyMap<string, { composed: ComposedEdits; created: boolean }>,
  pathOf: (uri: string) => string,
  openVersion: (uri: string) => number | undefined,
): WorkspaceFixes {
  const changeAnnotations: Record<string, ChangeAnnotation> = {};
  const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  let changeCount = 0;
  const annotate = (uri: string, edit: ComposedEdit): string => {
    const ruleIds = edit.origins.map((origin) => origin.ruleId).join(' + ');
    const id = `${uri}#${ruleIds}`;
    changeAnnotations[id] ??= {
      label: [...new Set(edit.origins.map((origin) => origin.title))].join('; '),
      description: `${ruleIds} in ${pathOf(uri)}`,
      needsConfirmation: true,
    };
    return id;
  };
  for (const [uri, { composed, created }] of [...histories].sort(([a], [b]) => a.localeCompare(b))) {
    const edits: AnnotatedTextEdit[] = composed.result().map((edit) => ({ range: edit.range, newText: edit.newText, annotationId: annotate(uri, edit) }));
    if (edits.length === 0) continue;
    changeCount += edits.length;
    if (created) {
      // Neither overwrite nor ignore: should the file have appeared meanwhile, the client refuses the whole edit.
      documentChanges.push({ kind: 'create', uri, options: { overwrite: false, ignoreIfExists: false }, annotationId: edits[0]?.annotationId });
    }
    documentChanges.push({ textDocument: { uri, version: created ? null : (openVersion(uri) ?? null) }, edits });
  }
  const edit: WorkspaceEdit = { documentChanges, changeAnnotations };
  return { edit, changeCount, fileCount: documentChanges.filter((change) => !('kind' in change)).length };
}
