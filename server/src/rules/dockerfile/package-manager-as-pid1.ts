import type { Instruction } from 'dockerfile-ast';
import { defineDockerfileRule, type Fix } from '../../engine/ruleTypes';
import type { DockerfileFile } from '../../parsing/containerFile';
import { basename, plainCommandWords } from '../../parsing/shellScript';
import type { Workspace } from '../../workspace/workspace';
import { joinUri } from '../../workspace/uri';
import { buildContextUri } from '../support/buildContext';
import { execForm, processInstructions, startedCommand } from '../support/processCommand';

const PACKAGE_MANAGERS = new Set(['npm', 'yarn', 'pnpm']);

export const rule = defineDockerfileRule({
  id: 'dockerfile/package-manager-as-pid1',
  meta: {
    severity: 'warning',
    description:
      'CMD or ENTRYPOINT starts the application through npm, yarn or pnpm, which stand between the container runtime and the application and do not pass SIGTERM on to it reliably.',
    fix: {
      when: "when the whole command is a script run and the build context's package.json says which node command it runs",
      applied: { autoWhen: "when that is the script's own plain `node` command or npm's default `server.js`, with no pre- or post-script" },
    },
    aliases: [],
    messages: {
      packageManager:
        '{{instruction}} starts the application through {{manager}}, which runs it as a child process (through a shell) and does not reliably pass SIGTERM on, so the container is killed at the stop timeout instead of shutting down cleanly; run node directly, e.g. {{instruction}} ["node", "server.js"].',
    },
    explanation: {
      why: 'On `docker stop` and pod termination only PID 1 gets SIGTERM. npm/yarn/pnpm start the app in a shell child and may not forward the signal, so in-flight requests are cut off when SIGKILL arrives.',
      standard: 'Container standard "graceful SIGTERM shutdown"; Node.js Docker best practices.',
      bad: 'CMD ["npm", "start"]',
      good: 'CMD ["node", "server.js"]',
    },
  },
  check({ file, workspace, report }) {
    for (const instruction of processInstructions(file)) {
      const started = startedCommand(file, instruction);
      const program = started?.words[0];
      const manager = program === undefined ? undefined : basename(program);
      if (!started || !manager || !PACKAGE_MANAGERS.has(manager)) continue;
      const keyword = instruction.getKeyword();
      const entry = started.whole ? nodeEntry(file, workspace, manager, started.words.slice(1)) : undefined;
      const range = instruction.getArgumentsRange();
      if (!range) continue;
      report({ messageId: 'packageManager', data: { instruction: keyword, manager }, range, fixes: entry ? [execNodeFix(instruction, entry)] : [] });
    }
  },
});

interface NodeEntry {
  words: string[];
  /** Where the words come from, for the fix title. */
  origin: string;
  /** The rewrite skips something npm would do (pre/post scripts) or guesses the entry file. */
  unsafe: boolean;
}

function execNodeFix(instruction: Instruction, entry: NodeEntry): Fix {
  const json = execForm(entry.words);
  return {
    title: `Run node directly: ${instruction.getKeyword()} ${json} (${entry.origin})`,
    edits: [{ range: instruction.getArgumentsRange()!, newText: json }],
    unsafe: entry.unsafe,
  };
}

/** `npm start`, `npm run serve`, `yarn start`, `pnpm serve`: the script name and the arguments passed on to it. */
function scriptInvocation(manager: string, args: readonly (string | undefined)[]): { script: string; extra: string[] } | undefined {
  if (args.some((arg) => arg === undefined)) return undefined;
  const words = args as string[];
  const runs = words[0] === 'run' || words[0] === 'run-script';
  const script = runs ? words[1] : words[0];
  if (!script || script.startsWith('-') || (manager === 'npm' && !runs && script !== 'start')) return undefined;
  const rest = words.slice(runs ? 2 : 1);
  if (rest[0] === '--') return { script, extra: rest.slice(1) };
  return rest.some((word) => word.startsWith('-')) ? undefined : { script, extra: rest };
}

/**
 * The node command the script runs, from the package.json of the build context: the script itself when it is a
 * plain `node <file> [args]`; for `start` without such a script, what npm runs by default (`node server.js`) when
 * that file exists, else the package's `main` (a guess, so unsafe).
 */
function nodeEntry(file: DockerfileFile, workspace: Workspace, manager: string, args: readonly (string | undefined)[]): NodeEntry | undefined {
  const invocation = scriptInvocation(manager, args);
  const context = buildContextUri(file, workspace);
  if (!invocation || !context) return undefined;
  const manifest = readPackageJson(workspace, joinUri(context, 'package.json'));
  if (!manifest) return undefined;
  const { script, extra } = invocation;
  const scripts = isRecord(manifest.scripts) ? manifest.scripts : {};
  const scriptText = scripts[script];
  const words = typeof scriptText === 'string' ? plainCommandWords(scriptText) : undefined;
  const hasHooks = typeof scripts[`pre${script}`] === 'string' || typeof scripts[`post${script}`] === 'string';
  if (words?.[0] === 'node' && words.length > 1) return { words: [...words, ...extra], origin: `package.json scripts.${script}`, unsafe: hasHooks };
  if (script !== 'start') return undefined;
  if (scriptText === undefined && workspace.exists(joinUri(context, 'server.js')))
    return { words: ['node', 'server.js', ...extra], origin: "npm's default start", unsafe: hasHooks };
  return typeof manifest.main === 'string' && manifest.main !== ''
    ? { words: ['node', manifest.main, ...extra], origin: 'package.json main', unsafe: true }
    : undefined;
}

function readPackageJson(workspace: Workspace, uri: string): Record<string, unknown> | undefined {
  const text = workspace.readText(uri);
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
