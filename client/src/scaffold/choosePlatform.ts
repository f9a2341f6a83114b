import * as vscode from 'vscode';
import { answered, Cancelled } from './cancelled';
import {
  type Cloud,
  nextQuestion,
  type Operations,
  type PlatformAnswers,
  type RecommendedPlatform,
  recommendPlatform,
  type Stage,
} from './platformRecommendation';

interface Choice<T> extends vscode.QuickPickItem {
  value: T;
}

const STAGES: Choice<Stage>[] = [
  { label: 'Develop locally', description: 'the app and its database on my machine', value: 'local' },
  { label: 'Deploy it', description: 'run it for users', value: 'deploy' },
];

const OPERATIONS: Choice<Operations>[] = [
  { label: 'As little as possible', description: 'a small team; push and it runs', value: 'minimal' },
  { label: 'Serverless', description: 'scale with requests, down to zero; pay per use', value: 'serverless' },
  { label: 'An enterprise platform', description: 'many services, a team to run a cluster', value: 'enterprise' },
];

const CLOUDS: Choice<Cloud>[] = [
  { label: 'None yet', value: 'none' },
  { label: 'Google Cloud', value: 'gcp' },
  { label: 'AWS', value: 'aws' },
];

/** The scaffold command that starts each recommendation, with the button that runs it. */
const SCAFFOLDS: Readonly<Record<RecommendedPlatform, { button: string; command: string; argument?: object }>> = {
  compose: { button: 'Add Compose File…', command: 'containerStandards.addCompose' },
  kubernetes: { button: 'Add Kubernetes Manifests…', command: 'containerStandards.addKubernetes' },
  'cloud-run': { button: 'Add Cloud Run Service…', command: 'containerStandards.addDeploymentTarget', argument: { platform: 'cloud-run' } },
  ecs: { button: 'Add ECS Task Definition…', command: 'containerStandards.addDeploymentTarget', argument: { platform: 'ecs' } },
  render: { button: 'Add render.yaml…', command: 'containerStandards.addDeploymentTarget', argument: { platform: 'render' } },
};

async function pick<T>(items: Choice<T>[], title: string, placeHolder: string): Promise<T> {
  return answered(await vscode.window.showQuickPick(items, { title, placeHolder, ignoreFocusOut: true })).value;
}

/** "Choose a Platform…": the Platform Selection Matrix as questions, then the recommendation and its scaffold. */
export async function choosePlatform(): Promise<RecommendedPlatform | undefined> {
  const answers: Partial<PlatformAnswers> = {};
  for (let question = nextQuestion(answers); question; question = nextQuestion(answers)) {
    try {
      if (question === 'stage') answers.stage = await pick(STAGES, 'Choose a platform (1/3)', 'What do you need now?');
      else if (question === 'operations')
        answers.operations = await pick(OPERATIONS, 'Choose a platform (2/3)', 'How much running of infrastructure can the team take on?');
      else answers.cloud = await pick(CLOUDS, 'Choose a platform (3/3)', 'Which cloud do you already use?');
    } catch (error) {
      if (error instanceof Cancelled) return undefined;
      throw error;
    }
  }
  const recommendation = recommendPlatform(answers as PlatformAnswers);
  const scaffold = SCAFFOLDS[recommendation.platform];
  const button = await vscode.window.showInformationMessage(
    `Recommended: ${recommendation.label}`,
    { modal: true, detail: recommendation.reason },
    scaffold.button,
  );
  if (button === scaffold.button) await vscode.commands.executeCommand(scaffold.command, scaffold.argument);
  return recommendation.platform;
}
