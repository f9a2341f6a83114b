import ignore from '@balena/dockerignore';

/**
 * The `.dockerignore` this project writes: by the `dockerfile/missing-dockerignore` fix and by the scaffolding
 * commands. It keeps secrets and host clutter out of the build context without breaking builds, so entries that
 * could be part of a working image (build outputs) are left as comments to opt into.
 */
export interface DockerignoreOptions {
  /** The image installs its Node dependencies itself, so the host's `node_modules` must stay out. */
  installsNodeModules?: boolean;
  /** Context paths the Dockerfile copies by name: a pattern that would exclude one of them is left out. */
  copiedPaths?: readonly string[];
}

interface Section {
  comment: string;
  patterns: readonly string[];
  when?: (options: DockerignoreOptions) => boolean;
}

const SECTIONS: readonly Section[] = [
  { comment: 'Version control', patterns: ['.git', '.hg', '.svn'] },
  {
    comment: 'Secrets: never send them to the builder (use build secrets or runtime configuration)',
    patterns: ['**/.env', '**/.env.*', '!**/.env.example', '**/*.pem', '**/*.key', '**/id_rsa*', '**/.npmrc', '**/.pypirc', '**/.netrc', '.aws', '.ssh'],
  },
  { comment: 'Dependencies the image installs itself', patterns: ['**/node_modules'], when: (options) => options.installsNodeModules === true },
  {
    comment: 'Local environments, caches, logs and editor files',
    patterns: ['.venv', '**/__pycache__', '**/*.py[co]', '.pytest_cache', '.mypy_cache', 'coverage', '**/*.log', '**/.DS_Store', '.idea', '.vscode'],
  },
  {
    comment: 'Container files: editing them need not invalidate `COPY . .`',
    patterns: ['**/Dockerfile*', '**/*.dockerignore', '.dockerignore', '**/compose*.y*ml', '**/docker-compose*.y*ml'],
  },
];

/** Left commented out: excluding them breaks images that copy a build made outside Docker. */
const OPTIONAL_BUILD_OUTPUTS = ['dist', 'build', 'target', 'out'];

export function dockerignoreTemplate(options: DockerignoreOptions = {}): string {
  const lines: string[] = [];
  for (const section of SECTIONS) {
    if (section.when && !section.when(options)) continue;
    const patterns = section.patterns.filter((pattern) => pattern.startsWith('!') || !excludesCopiedPath(pattern, options.copiedPaths ?? []));
    if (patterns.length === 0) continue;
    lines.push(`# ${section.comment}`, ...patterns, '');
  }
  lines.push('# Build outputs, when the image builds them itself (uncomment what applies)', ...OPTIONAL_BUILD_OUTPUTS.map((pattern) => `# ${pattern}`));
  return `${lines.join('\n')}\n`;
}

function excludesCopiedPath(pattern: string, copiedPaths: readonly string[]): boolean {
  const matcher = ignore({ ignorecase: false }).add(pattern);
  return copiedPaths.some((path) => path !== '.' && matcher.ignores(path));
}
