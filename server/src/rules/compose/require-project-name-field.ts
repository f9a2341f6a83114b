import { basename, dirname } from 'node:path';
import { defineComposeRule, type Fix } from '../../engine/ruleTypes';
import { baseName } from '../../parsing/documentKind';
import { insertBeforeEntry, writtenEntries } from '../../parsing/yamlEntries';
import { insertPair, scalarText } from '../../parsing/yamlEdit';
import { YamlView } from '../../parsing/yamlView';
import { BASE_NAMES } from '../../workspace/composeProject';
import { dirnameUri, joinUri, uriToPath } from '../../workspace/uri';
import { projectOf } from '../support/compose';

/** The project name Compose derives from a folder (compose-go `NormalizeProjectName`). */
function projectNameOf(folder: string): string {
  return (folder.toLowerCase().match(/[a-z0-9_-]/g) ?? []).join('').replace(/^[_-]+/, '');
}

/** Top-level keys that go before `name` in the conventional order. */
const BEFORE_NAME = (key: string | undefined) => key === undefined || key === 'version' || key.startsWith('x-');

export const rule = defineComposeRule({
  id: 'compose/require-project-name-field',
  meta: {
    severity: 'info',
    description: "The project's base compose file has no top-level `name`, so the project is named after whatever folder it is run from.",
    fix: { applied: 'editor-only' },
    aliases: ['dclint:require-project-name-field'],
    messages: {
      missing:
        'The project has no top-level "name", so Compose names it after the folder and a checkout under another folder name gets new containers, networks and volumes; add "name:".',
    },
    explanation: {
      why: 'Compose prefixes containers, networks and volumes with the project name. Without `name:` that is the folder name, so the same project cloned into another folder (or run by CI in a workspace folder) starts fresh, empty volumes and may clash with another project of the same folder name. Only the base file of a project is checked: overrides, variants and included files take the name from it. The quick fix writes the name Compose derives from the folder today, so nothing is renamed; it is offered, never applied by fix-all or `--fix`, since the folder may not be where the project normally runs.',
      standard: 'Compose Specification "name" top-level element; dclint require-project-name-field.',
      bad: 'services:\n  web:\n    image: nginx:1.27',
      good: 'name: shop\nservices:\n  web:\n    image: nginx:1.27',
    },
  },
  check(context) {
    const { file, workspace } = context;
    const project = projectOf(context);
    if (project.layerUris[0] !== file.uri) return;
    // A file beside the folder's base file that is not a layer of it is a fragment (`extends.file`) or an alternative.
    const folder = dirnameUri(file.uri);
    if (!BASE_NAMES.includes(baseName(file.uri)) && BASE_NAMES.some((name) => workspace.exists(joinUri(folder, name)))) return;
    const document = file.yaml.documents[0];
    // A file that does not parse may hold its `name` in the part that could not be read.
    const root = document && document.parsed.errors.length === 0 ? YamlView.root(document) : undefined;
    if (!root?.isMap) return;
    const layers = project.layerUris.map((uri) => (uri === file.uri ? file : workspace.getAs(uri, 'compose')));
    if (layers.some((layer) => layer?.yaml.documents.some((document) => YamlView.root(document)?.get('name') !== undefined))) return;
    const entries = writtenEntries(root);
    const first = entries[0]?.view;
    if (!first) return;
    context.report({
      messageId: 'missing',
      range: first.keyRange ?? first.range,
      fixes: () => {
        const path = uriToPath(file.uri);
        const name = path && projectNameOf(basename(dirname(path)));
        if (!name) return [];
        const line = `name: ${scalarText(name)}`;
        const next = entries.findIndex((entry) => !BEFORE_NAME(entry.key));
        const edit = next < 0 ? insertPair(root, 'name', scalarText(name)) : insertBeforeEntry(root, next, line);
        // The folder's name is a guess at the name the project should keep (a CI checkout folder is not), so the fix is offered, never applied by fix-all.
        const fix: Fix | undefined = edit && { title: `Add "${line}" (the name Compose gives the project now)`, edits: [edit], unsafe: true };
        return fix ? [fix] : [];
      },
    });
  },
});
