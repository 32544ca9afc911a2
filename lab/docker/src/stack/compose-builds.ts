import { parse } from 'yaml';
import type { AppImage } from '../image/build-app.js';

interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string; args?: Record<string, string | null> };
}

/**
 * The images to build for a compose project, read from `compose config` (variables resolved),
 * so a run builds exactly what `compose up --build` would. Services naming the same image (web
 * and web-alt) must share one build definition and are built once.
 */
export function imagesToBuild(configYaml: string): AppImage[] {
  const config = parse(configYaml) as { services?: Record<string, ComposeService> };
  const byTag = new Map<string, { image: AppImage; definition: string }>();
  for (const [service, { image: tag, build }] of Object.entries(config.services ?? {})) {
    if (!build) continue;
    if (!tag) {
      throw new Error(
        `Service ${service} builds an image but names none: give it \`image:\`, so the run can tag, start and remove it.`,
      );
    }
    const definition = JSON.stringify(build);
    const seen = byTag.get(tag);
    if (seen) {
      if (seen.definition !== definition) {
        throw new Error(
          `Services ${seen.image.name} and ${service} both name the image ${tag} but build it differently; ` +
            'give them one build definition (a YAML anchor) or different image names.',
        );
      }
      seen.image.name += `, ${service}`;
      continue;
    }
    const args = Object.fromEntries(
      Object.entries(build.args ?? {}).map(([name, value]) => [name, value ?? '']),
    );
    byTag.set(tag, {
      definition,
      image: {
        name: service,
        context: build.context ?? '.',
        dockerfile: build.dockerfile ?? 'Dockerfile',
        tag,
        args,
      },
    });
  }
  return [...byTag.values()].map(({ image }) => image);
}
