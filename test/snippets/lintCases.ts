// Where each snippet is linted: a whole-file snippet as the file itself, a fragment inserted into a realistic document
// at the place a user would type its prefix, always beside the files the rules look at (the .dockerignore of a build
// context, the Dockerfile a Compose build uses, the Deployment a Service or an HPA points at).
import { pinnedImage } from '../../server/src/scaffold/templates/images';
import type { GeneratedFile } from '../../server/src/scaffold/types';
import { expand, type Snippet, type SnippetFile, snippetByPrefix } from './snippetFiles';
import { insertAtMarker } from './snippetSyntax';

export const MARKER = '# SNIPPET';

export interface LintCase {
  /** The file the snippet ends up in. */
  path: string;
  /** What that file is linted as. */
  kind: 'dockerfile' | 'compose' | 'kubernetes';
  /** The document the snippet is inserted into at MARKER; absent where the snippet is a whole file. */
  around?: string;
  /** Other files of the workspace. */
  beside: GeneratedFile[];
}

const DOCKERIGNORE: GeneratedFile = { path: '.dockerignore', text: '.git\n.env\n.env.*\nnode_modules\nDockerfile\n.dockerignore\ncompose.yaml\nk8s\n' };

const lines = (...text: string[]) => `${text.join('\n')}\n`;

function defaults(file: SnippetFile, prefix: string): string {
  return `${expand(snippetByPrefix(file, prefix)).text}\n`;
}

/** A Dockerfile for a binary, with `# SNIPPET` in place of what the snippet adds. */
function binaryDockerfile(image: string, ...parts: string[]): string {
  return lines(
    '# syntax=docker/dockerfile:1',
    `FROM ${image}`,
    'WORKDIR /app',
    'COPY --chmod=755 app /usr/local/bin/app',
    ...parts,
    'CMD ["/usr/local/bin/app"]',
  );
}

const APP_HEALTHCHECK = 'HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD ["/usr/local/bin/app", "--health"]';

function dockerfileCase(snippet: Snippet): LintCase {
  const prefix = snippet.prefixes[0];
  const beside = [DOCKERIGNORE];
  if (prefix.startsWith('multistage-')) return { path: 'Dockerfile', kind: 'dockerfile', beside };
  const around: Record<string, string> = {
    'user-debian': binaryDockerfile(pinnedImage('debian', '{tag}-slim'), MARKER, 'EXPOSE 8080', APP_HEALTHCHECK),
    'user-alpine': binaryDockerfile(pinnedImage('alpine'), MARKER, 'EXPOSE 8080', APP_HEALTHCHECK),
    // Alpine's busybox has the wget the snippet probes with.
    healthcheck: binaryDockerfile(pinnedImage('alpine'), 'USER 10001', 'EXPOSE 8080', MARKER),
  };
  if (!around[prefix]) throw new Error(`no lint case for the Dockerfile snippet ${prefix}`);
  return { path: 'Dockerfile', kind: 'dockerfile', around: around[prefix], beside };
}

/** The Dockerfile Compose builds: the Go snippet's, which listens on 8080 as the Compose snippets publish. */
function composeBuildContext(): GeneratedFile[] {
  return [DOCKERIGNORE, { path: 'Dockerfile', text: defaults('dockerfile', 'multistage-go') }];
}

const COMPOSE_HEAD = ['name: my-app', '', 'services:'];

function composeCase(snippet: Snippet): LintCase {
  const prefix = snippet.prefixes[0];
  const beside = composeBuildContext();
  const base = { path: 'compose.yaml', kind: 'compose' as const, beside };
  const database = /^compose-(postgres|mysql|redis|mongo)$/.exec(prefix);
  if (prefix === 'compose-file') return base;
  if (prefix === 'compose-service') return { ...base, around: lines(...COMPOSE_HEAD, `  ${MARKER}`) };
  if (database) {
    return { ...base, around: lines(...COMPOSE_HEAD, `  ${MARKER}`, '', 'volumes:', `  ${database[1]}-data:`) };
  }
  const limits = ['    deploy:', '      resources:', '        limits:', "          cpus: '1'", '          memory: 512M'];
  const around: Record<string, string> = {
    'compose-healthcheck': lines(...COMPOSE_HEAD, '  app:', '    image: ghcr.io/your-org/my-app:0.1.0', `    ${MARKER}`, ...limits),
    'compose-limits': lines(...COMPOSE_HEAD, '  app:', '    image: ghcr.io/your-org/my-app:0.1.0', `    ${MARKER}`),
    'compose-depends-on': lines(
      ...COMPOSE_HEAD,
      '  app:',
      '    image: ghcr.io/your-org/my-app:0.1.0',
      `    ${MARKER}`,
      ...limits,
      '',
      ...indentLines('  ', defaults('compose', 'compose-postgres').trimEnd().split('\n')),
      '',
      'volumes:',
      '  postgres-data:',
    ),
  };
  if (!around[prefix]) throw new Error(`no lint case for the Compose snippet ${prefix}`);
  return { ...base, around: around[prefix] };
}

function indentLines(indentation: string, text: readonly string[]): string[] {
  return text.map((line) => (line ? indentation + line : line));
}

/**
 * The Deployment snippet without one of its blocks, which the fragment snippet of that block is inserted back into:
 * a Deployment that has everything else already.
 */
function deploymentWithout(fragmentPrefix: string, indentation: string): string {
  const deployment = defaults('kubernetes', 'k8s-deployment');
  const block = indentLines(indentation, expand(snippetByPrefix('kubernetes', fragmentPrefix)).text.split('\n')).join('\n');
  if (!deployment.includes(block)) throw new Error(`the Deployment snippet no longer holds the block of ${fragmentPrefix}: keep them in step`);
  return deployment.replace(block, `${indentation}${MARKER}`);
}

function kubernetesCase(snippet: Snippet): LintCase {
  const prefix = snippet.prefixes[0];
  const base = { path: 'k8s/snippet.yaml', kind: 'kubernetes' as const, beside: [] as GeneratedFile[] };
  const deployment = { path: 'k8s/deployment.yaml', text: defaults('kubernetes', 'k8s-deployment') };
  const service = { path: 'k8s/service.yaml', text: defaults('kubernetes', 'k8s-service') };
  switch (prefix) {
    case 'k8s-deployment':
    case 'k8s-app':
      return base;
    case 'k8s-service':
    case 'k8s-hpa':
    case 'k8s-pdb':
      return { ...base, beside: [deployment] };
    case 'k8s-ingress':
      return { ...base, beside: [deployment, service] };
    case 'k8s-probes':
    case 'k8s-resources':
    case 'k8s-securitycontext':
      return { ...base, around: deploymentWithout(prefix, '          ') };
    case 'k8s-pod-securitycontext':
      return { ...base, around: deploymentWithout(prefix, '      ') };
    default:
      throw new Error(`no lint case for the Kubernetes snippet ${prefix}`);
  }
}

export function lintCase(snippet: Snippet): LintCase {
  switch (snippet.file) {
    case './snippets/dockerfile.json':
      return dockerfileCase(snippet);
    case './snippets/compose.json':
      return composeCase(snippet);
    case './snippets/kubernetes.json':
      return kubernetesCase(snippet);
    default:
      throw new Error(`no lint cases for the snippets of ${snippet.file}`);
  }
}

/** The workspace files with the snippet expanded into its place. */
export function filesWith(snippet: Snippet, expanded: string): GeneratedFile[] {
  const where = lintCase(snippet);
  const text = where.around ? insertAtMarker(where.around, MARKER, expanded) : `${expanded}\n`;
  return [...where.beside, { path: where.path, text }];
}
