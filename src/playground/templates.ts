/**
 * The playground's templates. Each opens in the playground's editor by a share link
 * (`#share-playground=...`), made at build time by the site's own `shareFragment`
 * (src/components/PlaygroundTemplates.astro): a template is code from the site, but it
 * loads as any shared code does, shown with a notice and never run by itself.
 */
import empty from './templates/empty.py?raw';
import serverAndClient from './templates/server-and-client.py?raw';
import taskGroup from './templates/task-group.py?raw';
import threadAndChild from './templates/thread-and-child.py?raw';
import workerPool from './templates/worker-pool.py?raw';

export interface PlaygroundTemplate {
  name: string;
  /** What the program shows, in a few words. */
  summary: string;
  code: string;
}

export const PLAYGROUND_TEMPLATES: readonly PlaygroundTemplate[] = [
  { name: 'An empty program', summary: 'asyncio.run and a main() to fill in', code: empty },
  { name: 'Tasks in a TaskGroup', summary: 'two jobs at once, and their results', code: taskGroup },
  { name: 'A server and its client', summary: 'an echo server on a free port, and one request', code: serverAndClient },
  { name: 'A pool of workers', summary: 'a queue of jobs shared by two workers', code: workerPool },
  { name: 'A thread and a child process', summary: 'a blocking call and another program, beside the loop', code: threadAndChild },
];
