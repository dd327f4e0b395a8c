/**
 * The options of one run, declared once, as JSON Schema: the TypeScript type comes from
 * it (json-schema-to-ts, types only), the defaults are its `default`s, and Python gets the
 * schema itself when the runtime is set up and checks every run's options against it
 * (`asyncio_live/options.py`). To add an option: a property here, with its default, and
 * the Python that reads it (`options.<name>` in the runner).
 *
 * Plain data, not a validation library: the page and the worker run strangers' code, and
 * a library that keeps state on the global scope or compiles validators with `Function`
 * (as zod does) would hand a program one more thing to reach.
 */
import type { FromSchema, JSONSchema } from 'json-schema-to-ts';

const PROGRAM_SETUP = {
  description: "An example's hidden lines, before and after the code the reader sees and edits.",
  type: 'object',
  properties: { before: { type: 'string' }, after: { type: 'string' } },
  required: ['before', 'after'],
  additionalProperties: false,
} as const satisfies JSONSchema;

const EXERCISE_CHECK = {
  description:
    "Hidden Python run after the reader's program, in a copy of its namespace, with `printed` (what the program wrote to stdout), " +
    '`prediction` (the reader\'s guess of it, or "") and `lines(text)` added. It fails the exercise by raising AssertionError with a hint; ' +
    'its own output is never shown.',
  type: 'object',
  properties: {
    code: { type: 'string' },
    prediction: { description: 'What the reader predicts the program prints (predict exercises).', type: ['string', 'null'] },
  },
  required: ['code'],
  additionalProperties: false,
} as const satisfies JSONSchema;

export const RUN_OPTIONS_SCHEMA = {
  title: 'RunOptions',
  type: 'object',
  properties: {
    deterministic: {
      description:
        'When true, computation costs no virtual time: only waits move the clock, so printed times are exact (doc-tests). When false, ' +
        'the clock also counts the real time Python spent computing, so "the loop is blocked" examples tell the truth.',
      type: 'boolean',
      default: false,
    },
    maxOutputLines: { description: 'Lines of output (stdout and stderr together) a run may print.', type: 'number', default: 10_000 },
    maxOutputBytes: { description: 'Bytes of output a run may print.', type: 'number', default: 1_000_000 },
    check: { description: 'Check an exercise after the program, or null.', anyOf: [EXERCISE_CHECK, { type: 'null' }], default: null },
    notebook: {
      description:
        "Run the code as a Jupyter notebook cell, not as a script: inside an event loop that is already running (the kernel's), " +
        'with `await` allowed at the top level and the value of a last bare expression shown.',
      type: 'boolean',
      default: false,
    },
    steps: {
      description:
        "Record the loop's state at the end of each turn (the ready queue, the timer heap, the sockets it watches, every task's state " +
        'and line) as `turn` events in the trace, for stepping through the run. Needs the trace; costs a few milliseconds a turn.',
      type: 'boolean',
      default: false,
    },
    setup: {
      description:
        "An example's hidden setup, run around the code in the same namespace: `before` first, `after` last. The code is compiled on " +
        "its own, so tracebacks, warnings and the error's line count the lines the reader sees, and the setup's frames stay out of the " +
        "reader's traceback. Null: the code is the whole program.",
      anyOf: [PROGRAM_SETUP, { type: 'null' }],
      default: null,
    },
  },
  required: ['deterministic', 'maxOutputLines', 'maxOutputBytes', 'check', 'notebook', 'steps', 'setup'],
  additionalProperties: false,
} as const satisfies JSONSchema;

/** Every option of a run, as Python receives them. */
export type RunOptions = FromSchema<typeof RUN_OPTIONS_SCHEMA>;
export type ProgramSetup = FromSchema<typeof PROGRAM_SETUP>;
export type ExerciseCheck = FromSchema<typeof EXERCISE_CHECK>;

/** What a run gets for each option it does not set: a reader's run on the page. */
export const RUN_DEFAULTS: Readonly<RunOptions> = Object.freeze(
  Object.fromEntries(Object.entries(RUN_OPTIONS_SCHEMA.properties).map(([name, option]) => [name, option.default])) as RunOptions,
);

/** `given` completed with the defaults (an explicit `undefined` counts as not given). */
export function runOptions(given: Partial<RunOptions> = {}): RunOptions {
  const set = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
  return { ...RUN_DEFAULTS, ...set };
}
