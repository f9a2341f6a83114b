/**
 * The standards' Platform Selection Matrix as a few answers → one recommendation: Compose for local development,
 * Railway/Render where complexity must stay very low, Cloud Run or ECS/Fargate for serverless or a cloud already in
 * use, Kubernetes for enterprise scale.
 */
export type RecommendedPlatform = 'compose' | 'kubernetes' | 'cloud-run' | 'ecs' | 'render';

export type Stage = 'local' | 'deploy';
/** How much operations the team takes on (the matrix's complexity and production-readiness columns). */
export type Operations = 'minimal' | 'serverless' | 'enterprise';
export type Cloud = 'none' | 'gcp' | 'aws';

export interface PlatformAnswers {
  stage: Stage;
  operations?: Operations;
  cloud?: Cloud;
}

export interface Recommendation {
  platform: RecommendedPlatform;
  label: string;
  /** One line: why the matrix points there. */
  reason: string;
}

const RECOMMENDATIONS: Readonly<Record<RecommendedPlatform, Recommendation>> = {
  compose: {
    platform: 'compose',
    label: 'Docker Compose',
    reason: 'Low complexity and excellent local development: the app and its services on your machine, the first step of the path.',
  },
  render: {
    platform: 'render',
    label: 'Render',
    reason:
      'Very low complexity and startup-friendly: Render builds your Dockerfile from a render.yaml blueprint, with no cluster to run (Railway works the same way).',
  },
  'cloud-run': {
    platform: 'cloud-run',
    label: 'Cloud Run',
    reason: 'Low complexity, serverless on Google Cloud: the container scales with requests, down to zero.',
  },
  ecs: {
    platform: 'ecs',
    label: 'ECS/Fargate',
    reason: 'Medium complexity, AWS native: Fargate runs the task definition without servers to manage, beside the AWS services you use.',
  },
  kubernetes: {
    platform: 'kubernetes',
    label: 'Kubernetes',
    reason: 'High complexity, enterprise production readiness: managed Kubernetes (EKS, GKE, AKS) pays off with many services and a team to run it.',
  },
};

/** Which answers are still needed after these: the next question, or undefined when the recommendation is known. */
export function nextQuestion(answers: Partial<PlatformAnswers>): 'stage' | 'operations' | 'cloud' | undefined {
  if (answers.stage === undefined) return 'stage';
  if (answers.stage === 'local') return undefined;
  if (answers.operations === undefined) return 'operations';
  if (answers.operations === 'enterprise') return undefined;
  return answers.cloud === undefined ? 'cloud' : undefined;
}

export function recommendPlatform(answers: PlatformAnswers): Recommendation {
  if (answers.stage === 'local') return RECOMMENDATIONS.compose;
  if (answers.operations === 'enterprise') return RECOMMENDATIONS.kubernetes;
  if (answers.cloud === 'aws') return RECOMMENDATIONS.ecs;
  if (answers.cloud === 'gcp' || answers.operations === 'serverless') return RECOMMENDATIONS['cloud-run'];
  return RECOMMENDATIONS.render;
}
