/**
 * The sidebar, written out in lesson order. Starlight's autogeneration assumes its
 * default folder, and the order of a course is a teaching decision, not an alphabet.
 */
export const sidebar = [
  { label: 'Start here', link: '/' },
  {
    label: 'The asyncio lesson',
    items: [
      { label: '1. Synchronous programming', slug: 'lessons/synchronous-programming' },
      { label: '2. Why asynchronous programming', slug: 'lessons/why-asynchronous-programming' },
      { label: '3. Writing asynchronous code', slug: 'lessons/writing-asynchronous-code' },
      { label: '4. Executing tasks', slug: 'lessons/executing-tasks' },
    ],
  },
  {
    // Past the four lessons: what real programs need.
    label: 'Beyond the lesson',
    items: [
      { label: '5. Running many tasks', slug: 'beyond/many-tasks' },
      { label: '6. Structured concurrency', slug: 'beyond/structured-concurrency' },
      { label: '7. Time limits and cancellation', slug: 'beyond/time-limits-and-cancellation' },
      { label: '8. Coordinating tasks', slug: 'beyond/coordinating-tasks' },
      { label: '9. Blocking the loop', slug: 'beyond/blocking-the-loop' },
      { label: '10. Async iteration and context managers', slug: 'beyond/async-iteration' },
      { label: '11. Context variables', slug: 'beyond/context-variables' },
      { label: '12. Debugging asyncio', slug: 'beyond/debugging' },
      { label: '13. Why not threads?', slug: 'beyond/why-not-threads' },
      { label: '14. Under the hood', slug: 'beyond/under-the-hood' },
      { label: '15. Production patterns', slug: 'beyond/production-patterns' },
      { label: '16. Testing async code', slug: 'beyond/testing' },
      { label: '17. Mixing sync and async', slug: 'beyond/mixing-sync-and-async' },
      { label: '18. Eager tasks', slug: 'beyond/eager-tasks' },
      { label: '19. Condition, Barrier and PriorityQueue', slug: 'beyond/condition-barrier-priority-queue' },
      { label: '20. Finding a hang', slug: 'beyond/finding-a-hang' },
    ],
  },
  {
    // asyncio's reason to exist: waiting on other machines, on the page's own network.
    label: 'The network',
    items: [
      { label: '21. Talking to the network', slug: 'network/talking-to-the-network' },
      { label: '22. Downloading many pages', slug: 'network/downloading-many-pages' },
      { label: '23. httpx in practice', slug: 'network/httpx-in-practice' },
      { label: '24. A chat server', slug: 'network/a-chat-server' },
      { label: "25. A server's life", slug: 'network/a-servers-life' },
      { label: '26. Hardening a server', slug: 'network/hardening-a-server' },
      { label: '27. Testing network code', slug: 'network/testing-network-code' },
      { label: '28. Project: a polite crawler', slug: 'network/a-polite-crawler' },
    ],
  },
  {
    // What asyncio shares with the operating system: threads, processes, signals, the selector.
    label: 'The operating system',
    items: [
      { label: '29. Threads, processes and cancellation', slug: 'os/threads-processes-and-cancellation' },
      { label: '30. Subprocesses', slug: 'os/subprocesses' },
      { label: '31. Under the hood, part 2', slug: 'os/under-the-hood-io' },
      { label: '32. Project: a service that shuts down cleanly', slug: 'os/project-a-service' },
    ],
  },
  {
    label: 'Reference',
    items: [
      { label: 'Cheat sheet', slug: 'reference/cheat-sheet' },
      { label: 'All exercises', slug: 'reference/exercises' },
    ],
  },
  // A page of the reader's own: outside the course's order (no Previous or Next).
  { label: 'Playground', link: '/playground/' },
];
