import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { collectExamples, type LessonExample } from '../../src/fence/collect-fences';

const root = join(import.meta.dirname, '../..');

function mdxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return mdxFiles(path);
    return name.endsWith('.mdx') ? [path] : [];
  });
}

/** Every python fence of content/, named by its file (relative to the project) and line. */
export function lessonExamples(): LessonExample[] {
  return mdxFiles(join(root, 'content')).flatMap((path) => collectExamples(path, relative(root, path)));
}
