import type { Problem } from '../../engine/ruleTypes';
import type { DockerfileFile } from '../../parsing/containerFile';
import type { RunInstruction, RunWord } from '../../parsing/dockerfileRun';
import { spanOf } from './packageManagers';
import { layersShip } from './shippedLayers';

/**
 * Distribution packages installed without versions, reported once per install command, where the layers ship.
 * Pinning them is a trade-off, not a defect: the base image's release already fixes the major versions, and a pinned
 * version leaves the distribution's archive at its next update and breaks the build. So the advice is info, with a
 * message that says when it is worth it.
 */
export function reportUnpinnedPackages(file: DockerfileFile, report: (problem: Problem) => void, run: RunInstruction, words: readonly RunWord[]): void {
  const first = words[0];
  if (!first || !layersShip(file, run)) return;
  const names = words.map((word) => `"${word.value}"`);
  const packages = names.length > 4 ? `${names.slice(0, 4).join(', ')} and ${names.length - 4} more` : names.join(', ');
  report({ messageId: 'unpinned', data: { packages, first: first.value ?? '' }, range: spanOf(first, words.at(-1) ?? first) });
}
