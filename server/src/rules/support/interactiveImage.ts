import type { DockerfileFile } from '../../parsing/containerFile';
import { basename } from '../../parsing/shellScript';
import { imageFacts } from '../../knowledge/images';
import { instructionsNamed, rootStage, stageChain } from './dockerfile';
import { containerCommand } from './processCommand';
import { isWindowsImage } from './users';

/** Shells and language REPLs: started with options only, they wait for someone to type. */
const INTERACTIVE = new Set([
  'sh',
  'bash',
  'ash',
  'dash',
  'zsh',
  'fish',
  'cmd',
  'powershell',
  'pwsh',
  'python',
  'python2',
  'python3',
  'pypy',
  'pypy3',
  'node',
  'irb',
  'php',
  'ghci',
  'iex',
  'erl',
  'jshell',
  'julia',
  'R',
  'lua',
  'tclsh',
]);

/**
 * What the final image starts when it is a base for other images or an environment to work in rather than an
 * application: a shell or a language's REPL with options only (`CMD ["python3"]`, `["node"]`, `["irb"]`,
 * `["php", "-a"]`, `["sh"]`; perl's `-de0`), behind the image's own entrypoint script when it has one; or nothing of
 * its own on a plain distribution image or a Windows one, whose default command is a shell. Undefined when it starts a program.
 */
export function interactiveProgram(file: DockerfileFile): string | undefined {
  const final = file.dockerfile.finalStage;
  if (!final) return undefined;
  const chain = stageChain(final);
  const last = (keyword: string) => chain.flatMap((stage) => instructionsNamed(stage, keyword).reverse())[0];
  const entrypoint = last('ENTRYPOINT');
  const cmd = last('CMD');
  if (!entrypoint && !cmd) {
    const imageStage = rootStage(final);
    const image = imageStage.image;
    const entry = image && imageFacts(image)?.entry;
    // `FROM alpine`, `FROM debian`, `FROM fedora`, Windows servercore: the image is the system itself, whose default is a shell.
    const system = (entry && (entry.distro || entry.match === entry.family)) || isWindowsImage(imageStage);
    return system ? `${image?.text ?? imageStage.from.getImage()}'s default shell` : undefined;
  }
  const started = containerCommand(file);
  const [program, ...rest] = started;
  if (program === undefined) return undefined;
  const name = basename(program);
  const interactive = (INTERACTIVE.has(name) || /^perl[\d.]*$/.test(name)) && rest.every((word) => word?.startsWith('-'));
  return interactive ? name : undefined;
}
