// One StackFacts per template branch: every stack with each package manager and flavour the templates tell apart.
import type { StackFacts } from '../../server/src/scaffold/types';

export const STACK_VARIANTS: readonly StackFacts[] = [
  { name: 'web', stack: 'node', packageManager: 'npm' },
  { name: 'web', stack: 'node', packageManager: 'npm', hasBuildScript: true, nodeMajor: '22' },
  { name: 'web', stack: 'node', packageManager: 'pnpm', hasBuildScript: true },
  { name: 'web', stack: 'node', packageManager: 'yarn' },
  { name: 'web', stack: 'node', packageManager: 'yarn', yarnBerry: true, hasBuildScript: true },
  { name: 'api', stack: 'python', packageManager: 'pip' },
  { name: 'api', stack: 'python', packageManager: 'poetry' },
  { name: 'api', stack: 'python', packageManager: 'uv' },
  { name: 'svc', stack: 'go', packageManager: 'go' },
  { name: 'svc', stack: 'go', packageManager: 'go', entry: './cmd/server' },
  { name: 'svc', stack: 'java', packageManager: 'maven' },
  { name: 'svc', stack: 'java', packageManager: 'gradle' },
  { name: 'svc', stack: 'dotnet', packageManager: 'dotnet', projectFile: 'Api.csproj' },
  { name: 'shop', stack: 'ruby', packageManager: 'bundler', rails: true },
  { name: 'shop', stack: 'ruby', packageManager: 'bundler' },
  { name: 'site', stack: 'static', packageManager: 'none' },
  { name: 'site', stack: 'static', packageManager: 'npm', hasBuildScript: true },
];

export function variantLabel(facts: StackFacts): string {
  const flavour = [facts.hasBuildScript && 'build', facts.yarnBerry && 'berry', facts.rails && 'rails', facts.entry].filter(Boolean).join('+');
  return `${facts.stack}/${facts.packageManager}${flavour ? `/${flavour}` : ''}`;
}
