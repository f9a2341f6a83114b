import ignore from '@balena/dockerignore';
import { defineDockerfileRule } from '../../engine/ruleTypes';
import { hasVariable } from '../../parsing/imageReference';
import { goGlobSegment } from '../../parsing/patterns';
import { contextSources, dockerignoreOf, ignorePatterns } from '../support/buildContext';

export const rule = defineDockerfileRule({
  id: 'dockerfile/copy-ignored-file',
  meta: {
    severity: 'warning',
    description: 'COPY or ADD names a path that the .dockerignore of the build context excludes, so the builder never receives it.',
    aliases: ['buildkit:CopyIgnoredFile'],
    messages: {
      ignored:
        '{{instruction}} copies "{{source}}", which {{ignoreFile}} excludes (pattern "{{pattern}}"), so the build fails or copies nothing; stop excluding it (add a `!` exception) or stop copying it.',
    },
    explanation: {
      why: 'The builder only receives the files .dockerignore lets through, so copying an excluded path fails the build, or copies nothing when a wildcard matches only excluded files.',
      standard: 'BuildKit build check CopyIgnoredFile.',
      bad: '# .dockerignore: *.md\nCOPY README.md /app/',
      good: '# .dockerignore: *.md, !README.md\nCOPY README.md /app/',
    },
  },
  check({ file, workspace, report }) {
    const ignoreFile = dockerignoreOf(file, workspace);
    if (!ignoreFile) return;
    const patterns = ignorePatterns(ignoreFile.text).map(parsePattern);
    for (const source of contextSources(file)) {
      if (hasVariable(source.value)) continue;
      const pattern = excludingPattern(patterns, source.path);
      if (pattern) {
        report({
          messageId: 'ignored',
          data: { instruction: source.copy.instruction.getKeyword(), source: source.value, ignoreFile: ignoreFile.name, pattern: pattern.written },
          range: source.range,
        });
      }
    }
  },
});

interface Pattern {
  written: string;
  /** Without the `!`. */
  body: string;
  negated: boolean;
  /** Whether the body matches a path or one of its parent folders. */
  matchesOrParent: (path: string) => boolean;
}

function parsePattern(written: string): Pattern {
  const negated = written.startsWith('!');
  const body = negated ? written.slice(1).trim() : written;
  const matcher = ignore({ ignorecase: false }).add(body);
  return { written, body, negated, matchesOrParent: (path) => matcher.ignores(path) };
}

/**
 * The pattern that excludes the path, following BuildKit: the last pattern matching the path (or a parent
 * folder) decides; a later `!` exception that may re-include something at or below the path makes it
 * undecidable without the files, so nothing is reported. The context root is only excluded by `*`, `**`, `**\/*`.
 */
function excludingPattern(patterns: readonly Pattern[], path: string): Pattern | undefined {
  let decisive: Pattern | undefined;
  let decisiveIndex = -1;
  patterns.forEach((pattern, index) => {
    const matches = path === '.' ? ['*', '**', '**/*'].includes(pattern.body) : pattern.matchesOrParent(path);
    if (matches) {
      decisive = pattern;
      decisiveIndex = index;
    }
  });
  if (!decisive || decisive.negated) return undefined;
  const reincludable = patterns.slice(decisiveIndex + 1).some((pattern) => pattern.negated && mayMatchAtOrBelow(pattern.body, path));
  return reincludable ? undefined : decisive;
}

function mayMatchAtOrBelow(pattern: string, path: string): boolean {
  const patternSegments = pattern.replace(/^\/+/, '').split('/');
  if (path === '.' || patternSegments.includes('**')) return true;
  const pathSegments = path.split('/');
  const pathHasGlob = pathSegments.some(isGlob);
  if (patternSegments.length < pathSegments.length || (patternSegments.length === pathSegments.length && !pathHasGlob)) return false;
  return pathSegments.every((segment, index) => isGlob(segment) || goGlobSegment(patternSegments[index]!).test(segment));
}

function isGlob(segment: string): boolean {
  return /[*?[]/.test(segment);
}
