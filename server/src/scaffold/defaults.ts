import type { PackageManager, Stack, StackFacts } from './types';

/**
 * What a stack's template uses when detection could not tell (and nobody was asked): the port the runtime's own
 * conventions listen on, and the file or package it starts.
 */
export const DEFAULT_PORTS: Readonly<Record<Stack, number>> = {
  node: 3000,
  python: 8000,
  go: 8080,
  java: 8080,
  dotnet: 8080,
  ruby: 9292,
  static: 8080,
};

export function defaultPort(facts: StackFacts): number {
  if (facts.port !== undefined) return facts.port;
  if (facts.stack === 'ruby' && facts.rails) return 3000;
  return DEFAULT_PORTS[facts.stack];
}

/** Node: the script node runs; Python: the module file; Go: the package built; .NET: the assembly; others: informational. */
export function defaultEntry(facts: StackFacts): string {
  if (facts.entry) return facts.entry;
  switch (facts.stack) {
    case 'node':
      return facts.hasBuildScript ? 'dist/index.js' : 'index.js';
    case 'python':
      return 'main.py';
    case 'go':
      return '.';
    case 'java':
      return 'app.jar';
    case 'dotnet':
      return `${(facts.projectFile ?? 'App.csproj').replace(/\.csproj$/, '')}.dll`;
    case 'ruby':
      return facts.rails ? 'bin/rails' : 'config.ru';
    case 'static':
      return 'index.html';
  }
}

/** The package manager a stack's template assumes when the stack was named rather than detected. */
export const DEFAULT_PACKAGE_MANAGERS: Readonly<Record<Stack, PackageManager>> = {
  node: 'npm',
  python: 'pip',
  go: 'go',
  java: 'maven',
  dotnet: 'dotnet',
  ruby: 'bundler',
  static: 'none',
};
