/**
 * The sidebar's marks of the reader's progress, as course-progress.ts draws them and
 * src/styles/lesson.css styles them (test/unit/client/dom-names.test.ts holds the two
 * together).
 */
export const PROGRESS = {
  /** On a page the reader has read. */
  mark: 'course-progress',
  /** ... where they solved exercises. */
  solved: 'course-progress--solved',
} as const;
