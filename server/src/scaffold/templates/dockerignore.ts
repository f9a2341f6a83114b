import type { StackFacts } from '../types';

const COMMON = [
  '# Version control data and editor settings: not part of the image.',
  '.git',
  '.gitignore',
  '.vscode',
  '.idea',
  '',
  '# Secrets: never in the build context, where any COPY . could bake them into a layer.',
  '.env',
  '.env.*',
  '!.env.example',
  '*.pem',
  '*.key',
  'id_rsa*',
  '.npmrc',
  '.pypirc',
  '',
  '# Container and deployment files: changing them need not rebuild the image.',
  'Dockerfile',
  '.dockerignore',
  'compose.yaml',
  'k8s',
  '.github',
];

const STACK_OUTPUT: Readonly<Record<StackFacts['stack'], string[]>> = {
  node: ['node_modules', 'dist', 'coverage', 'npm-debug.log*'],
  python: ['__pycache__', '*.pyc', '.venv', 'venv', '.pytest_cache'],
  go: ['bin', 'vendor'],
  java: ['target', 'build', '.gradle'],
  dotnet: ['bin', 'obj'],
  ruby: ['log/*', 'tmp/*', 'vendor/bundle', '.bundle'],
  static: ['node_modules', 'dist'],
};

export function renderDockerignore(facts: StackFacts): string {
  return `${[...COMMON, '', '# Dependencies and build output: rebuilt inside the image.', ...STACK_OUTPUT[facts.stack]].join('\n')}\n`;
}
