import * as vscode from 'vscode';
import { BACKING_SERVICES, type BackingService, PLATFORMS, type Platform, STACKS, type Stack } from '../../../server/src/scaffold/types';

/**
 * Answers given up front, so a command asks only the rest: "Choose a platform…" passes them on, tests pass them
 * all. From the explorer's context menu the argument is the folder's URI.
 */
export interface ScaffoldArguments {
  folder?: vscode.Uri;
  /** A monorepo package, relative to the folder (`apps/api`). */
  package?: string;
  stack?: Stack;
  port?: number;
  entry?: string;
  services?: BackingService[];
  ingress?: boolean;
  kustomize?: boolean;
  /** Add Deployment Target…: the platform. */
  platform?: Platform;
}

/** What a command was called with, keeping only well-formed answers (a wrong one is asked again, not trusted). */
export function scaffoldArguments(argument: unknown): ScaffoldArguments {
  if (argument instanceof vscode.Uri) return { folder: argument };
  if (typeof argument !== 'object' || argument === null) return {};
  const given = argument as Record<string, unknown>;
  const folder = given.folder instanceof vscode.Uri ? given.folder : typeof given.folder === 'string' ? vscode.Uri.file(given.folder) : undefined;
  return {
    folder,
    package: typeof given.package === 'string' ? given.package : undefined,
    stack: STACKS.find((stack) => stack === given.stack),
    port: Number.isInteger(given.port) && (given.port as number) >= 1 && (given.port as number) <= 65535 ? (given.port as number) : undefined,
    entry: typeof given.entry === 'string' && given.entry.trim() ? given.entry.trim() : undefined,
    services: Array.isArray(given.services) ? BACKING_SERVICES.filter((service) => (given.services as unknown[]).includes(service)) : undefined,
    ingress: typeof given.ingress === 'boolean' ? given.ingress : undefined,
    kustomize: typeof given.kustomize === 'boolean' ? given.kustomize : undefined,
    platform: PLATFORMS.find((platform) => platform === given.platform),
  };
}
