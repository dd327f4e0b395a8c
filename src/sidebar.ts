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
    // Past the source lesson: what real programs need.
    label: 'Beyond the lesson',
    items: [
      { label: '5. Running many tasks', slug: 'beyond/many-tasks' },
      { label: '6. Structured concurrency', slug: 'beyond/structured-concurrency' },
      { label: '7. Time limits and cancellation', slug: 'beyond/time-limits-and-cancellation' },
      { label: '8. Coordinating tasks', slug: 'beyond/coordinating-tasks' },
      { label: '9. Blocking the loop', slug: 'beyond/blocking-the-loop' },
      { label: '10. Async iteration and context managers', slug: 'beyond/async-iteration' },
      { label: '11. Debugging asyncio', slug: 'beyond/debugging' },
      { label: '12. Why not threads?', slug: 'beyond/why-not-threads' },
      { label: '13. Under the hood', slug: 'beyond/under-the-hood' },
      { label: '14. Production patterns', slug: 'beyond/production-patterns' },
      { label: '15. Testing async code', slug: 'beyond/testing' },
      { label: '16. Mixing sync and async', slug: 'beyond/mixing-sync-and-async' },
      { label: '17. Eager tasks', slug: 'beyond/eager-tasks' },
      { label: '18. Condition, Barrier and PriorityQueue', slug: 'beyond/condition-barrier-priority-queue' },
      { label: '19. Finding a hang', slug: 'beyond/finding-a-hang' },
    ],
  },
  {
    // asyncio's reason to exist: waiting on other machines, on the page's own network.
    label: 'The network',
    items: [
      { label: '20. Talking to the network', slug: 'network/talking-to-the-network' },
      { label: '21. Downloading many pages', slug: 'network/downloading-many-pages' },
      { label: '22. A chat server', slug: 'network/a-chat-server' },
      { label: '23. Project: a polite crawler', slug: 'network/a-polite-crawler' },
    ],
  },
  {
    label: 'Reference',
    items: [
      { label: 'Cheat sheet', slug: 'reference/cheat-sheet' },
      { label: 'All exercises', slug: 'reference/exercises' },
    ],
  },
];
