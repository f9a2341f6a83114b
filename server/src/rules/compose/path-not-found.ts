import { posix } from 'node:path';
import { defineComposeRule, type RuleContext } from '../../engine/ruleTypes';
import type { ComposeFile } from '../../parsing/containerFile';
import type { ServiceDefinition } from '../../parsing/composeService';
import type { YamlView } from '../../parsing/yamlView';
import type { ComposeProject, ProjectService } from '../../workspace/composeProject';
import { dirnameUri, joinUri, uriToPath } from '../../workspace/uri';
import { projectOf } from '../support/compose';
import { buildDefinition, describeDockerfile, isRelativePath, isRemoteContext, resolveBuild } from '../../workspace/composeBuild';

export const rule = defineComposeRule({
  id: 'compose/path-not-found',
  meta: {
    severity: 'error',
    description:
      'A relative path the compose file names (build context, Dockerfile, env_file, a bind-mounted file, an included or extended file) does not exist.',
    aliases: [],
    messages: {
      context: 'Service "{{service}}" builds from {{path}}, which is not a folder next to this file; create it or correct build.context.',
      dockerfile: 'Service "{{service}}" builds with {{path}}, which does not exist; add the Dockerfile or point build.dockerfile at it.',
      envFile:
        'Service "{{service}}" reads env_file {{path}}, which does not exist, so Compose refuses to start it; create the file, correct the path, or mark it `required: false`.',
      envFileFromTemplate:
        'Service "{{service}}" reads env_file {{path}}, which does not exist (it is usually kept out of version control); create it from {{template}} before starting, or mark it `required: false`.',
      bindFile:
        'Service "{{service}}" bind-mounts {{path}}, which does not exist, so Docker creates an empty directory there and mounts that where the container expects a file; add the file or correct the path.',
      bindFolder:
        'Service "{{service}}" bind-mounts {{path}} with create_host_path: false, and it does not exist, so the container cannot start; create it or correct the path.',
      extendsFile: 'Service "{{service}}" extends a service of {{path}}, which does not exist; correct extends.file.',
      include: 'include: {{path}} does not exist, so Compose cannot load the project; correct the path or remove the entry.',
      includeCycle: 'include: {{path}} includes this file back (directly or through other files), which Compose refuses; remove one of the includes.',
      nothingResolves:
        'None of the paths this file names exists next to it ({{paths}}), so it is probably not in its project folder; paths resolve against {{folder}}: move the file there or correct the paths.',
    },
    explanation: {
      why: 'Compose resolves relative paths against the project folder and stops with "path not found" or "env file not found" when they are missing; a bind-mounted file that is missing is worse, since Docker silently mounts an empty directory in its place. Missing folders that are only bind-mounted are not reported: Compose creates them, which data folders rely on.',
      standard: 'Compose Specification: build context and dockerfile, env_file, volumes (create_host_path), include, extends.',
      bad: '# ./frontend/Dockerfile exists, ./config/web.env and ./nginx.conf do not\nservices:\n  web:\n    build: ./frontend\n    env_file: ./config/web.env\n    volumes:\n      - ./nginx.conf:/etc/nginx/nginx.conf:ro',
      good: '# ./frontend/Dockerfile, ./config/web.env and ./nginx.conf exist\nservices:\n  web:\n    build: ./frontend\n    env_file: ./config/web.env\n    volumes:\n      - ./nginx.conf:/etc/nginx/nginx.conf:ro',
    },
  },
  check(context) {
    // An unsaved buffer has no folder its paths could resolve against; a file whose YAML does not parse is left to
    // compose/syntax, as the service rules leave it.
    if (!context.file.uri.startsWith('file:') || context.file.yaml.documents.some((document) => document.parsed.errors.length > 0)) return;
    const project = projectOf(context);
    // Judged over the whole project: an override names few paths, its base file many.
    const uses = pathUses(context, project);
    const missing = uses.filter((use) => !use.exists && use.messageId && use.here);
    const somethingResolves = uses.some((use) => use.exists && !use.trivial);
    for (const problem of project.includeProblems) {
      if (problem.kind === 'cycle' && context.file.yaml.documents.includes(problem.view.document))
        context.report({ messageId: 'includeCycle', data: { path: problem.view.text ?? problem.uri }, range: problem.view.range });
    }
    if (!missing.length) return;
    // A file that resolves none of its paths was copied or generated away from its project (a template, an example, a
    // file cut from its repository): one finding says so, instead of one error per path.
    if (!somethingResolves) {
      const paths = [...new Set(missing.map((use) => use.written))];
      context.report({
        messageId: 'nothingResolves',
        data: { paths: paths.length > 3 ? `${paths.slice(0, 3).join(', ')}…` : paths.join(', '), folder: displayFolder(dirnameUri(context.file.uri)) },
        range: rangeOf(missing[0]!.view),
        severity: 'info',
      });
      return;
    }
    for (const use of missing) {
      const template = use.envTemplates?.find((candidate) => context.workspace.exists(candidate.uri));
      context.report({
        messageId: template ? 'envFileFromTemplate' : use.messageId!,
        data: { service: use.service ?? '', path: use.written, template: template?.written ?? '' },
        range: rangeOf(use.view),
        ...(template ? { severity: 'info' as const } : {}),
      });
    }
  },
});

/** A path the file names, whether it exists, and how to report it when it does not. */
interface PathUse {
  view: YamlView;
  written: string;
  exists: boolean;
  /** Written in the linted file (only those are reported). */
  here: boolean;
  /** The file's own folder or a parent of it: that it exists says nothing about where the file is. */
  trivial?: boolean;
  /** Undefined for paths whose absence is not a problem (a bind-mounted folder that Compose creates). */
  messageId?: string;
  service?: string;
  /** For an env file: the files it is usually created from (`.env.example`), by uri and as the user would write them. */
  envTemplates?: { uri: string; written: string }[];
}

function pathUses(context: RuleContext<ComposeFile>, project: ComposeProject): PathUse[] {
  const { workspace } = context;
  const uses: PathUse[] = [];
  const inFile = (view: YamlView) => context.file.yaml.documents.includes(view.document);
  const add = (baseUri: string, use: Omit<PathUse, 'exists' | 'here'>, kind: 'file' | 'folder' | 'either') => {
    const uri = joinUri(baseUri, use.written);
    const exists = (kind !== 'folder' && workspace.exists(uri)) || (kind !== 'file' && workspace.existsFolder(uri));
    uses.push({ ...use, exists, here: inFile(use.view) });
  };
  const definitions = [...project.services.values()].flatMap((service) => service.definitions.map((definition) => ({ service, definition })));
  for (const { service, definition } of definitions) {
    const name = service.name;
    buildUses(project, service, definition, context, uses);
    for (const entry of envFiles(definition)) {
      const written = project.interpolate(entry.path).value;
      if (!written || !isRelativePath(written)) continue;
      const envTemplates = ['example', 'sample', 'dist', 'template'].map((suffix) => ({
        uri: joinUri(definition.baseUri, `${written}.${suffix}`),
        written: `${written}.${suffix}`,
      }));
      add(definition.baseUri, { view: entry.view, written, service: name, messageId: entry.required ? 'envFile' : undefined, envTemplates }, 'file');
    }
    for (const volume of definition.volumes) {
      const source = volume.type === 'bind' && volume.source !== undefined ? project.interpolate(volume.source).value : undefined;
      if (!source || !isRelativePath(source) || (!volume.view.isMap && !source.startsWith('.'))) continue;
      const createsHostPath = volume.view.at('bind', 'create_host_path')?.scalar !== false;
      const messageId = !createsHostPath ? 'bindFolder' : looksLikeFile(source) && looksLikeFile(volume.target ?? '') ? 'bindFile' : undefined;
      const view = volume.view.get('source') ?? volume.view;
      add(definition.baseUri, { view, written: source, service: name, messageId, trivial: isOwnFolder(source) }, 'either');
    }
    const extendsFile = definition.extends?.file;
    const extendsPath = extendsFile?.string && project.interpolate(extendsFile.string).value;
    if (extendsFile && extendsPath && isRelativePath(extendsPath))
      add(definition.baseUri, { view: extendsFile, written: extendsPath, service: name, messageId: 'extendsFile' }, 'file');
  }
  for (const problem of project.includeProblems) {
    if (problem.kind === 'missing')
      uses.push({ view: problem.view, written: problem.view.text ?? problem.uri, exists: false, messageId: 'include', here: inFile(problem.view) });
  }
  return uses;
}

/** The build context and the Dockerfile, at the definition that decides them. */
function buildUses(project: ComposeProject, service: ProjectService, definition: ServiceDefinition, context: RuleContext<ComposeFile>, uses: PathUse[]): void {
  const { workspace } = context;
  const here = definition.uri === context.file.uri;
  const build = definition.build;
  if (!build) return;
  const resolved = resolveBuild(project, service);
  if (!resolved || isRemoteContext(resolved.context)) return;
  const decidesContext =
    buildDefinition(service) === definition || (!buildDefinition(service) && service.definitions.find((candidate) => candidate.build) === definition);
  const contextExists = resolved.contextUri !== undefined && workspace.existsFolder(resolved.contextUri);
  if (decidesContext && build.context && resolved.contextUri) {
    uses.push({
      view: build.context,
      written: resolved.context,
      exists: contextExists,
      here,
      trivial: isOwnFolder(resolved.context),
      messageId: 'context',
      service: service.name,
    });
  }
  const dockerfile = resolved.dockerfile;
  if (!contextExists || dockerfile?.kind !== 'file' || !isRelativePath(dockerfile.written)) return;
  const view = dockerfile.explicit ? build.view.get('dockerfile') : decidesContext ? (build.context ?? build.view) : undefined;
  if (!view || (dockerfile.explicit && service.definitions.filter((candidate) => candidate.build?.dockerfile).at(-1) !== definition)) return;
  // Podman and nerdctl fall back to a Containerfile when there is no Dockerfile.
  const exists = workspace.exists(dockerfile.uri) || (!dockerfile.explicit && workspace.exists(joinUri(resolved.contextUri!, 'Containerfile')));
  uses.push({ view, written: describeDockerfile(resolved), exists, here, messageId: 'dockerfile', service: service.name });
}

/** `env_file:` as one path, a list of paths, or a list of `{ path, required }`. */
function envFiles(definition: ServiceDefinition): { path: string; view: YamlView; required: boolean }[] {
  const section = definition.get('env_file');
  if (!section) return [];
  const entries = section.isSeq ? section.items() : [section];
  return entries.flatMap((entry) => {
    const path = entry.isMap ? entry.get('path') : entry;
    if (!path?.string) return [];
    return [{ path: path.string, view: path, required: entry.get('required')?.scalar !== false }];
  });
}

/** `nginx.conf`, `init.sql`: a name with an extension; `conf.d` and dot-folders (`.ssh`) are folders by convention. */
function looksLikeFile(path: string): boolean {
  const name = posix.basename(path.replace(/\\/g, '/'));
  return /^[^.].*\.[A-Za-z0-9]{1,8}$/.test(name) && !name.endsWith('.d');
}

function isOwnFolder(path: string): boolean {
  return /^(?:\.\.?\/?)+$/.test(posix.normalize(path.replace(/\\/g, '/')));
}

/** A mapping (`build:` without context) is reported at its key, not over all its lines. */
function rangeOf(view: YamlView) {
  return view.isMap ? (view.keyRange ?? view.range) : view.range;
}

function displayFolder(uri: string): string {
  return uriToPath(uri) ?? uri;
}
