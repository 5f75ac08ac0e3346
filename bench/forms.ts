/**
 * Form engine benchmark: a 2,000-row × 8-column form with nested row totals and computed columns.
 * Run: npx tsx bench/forms.ts. Prints figures and their ratio to the aim; never fails on time.
 */
import { benchForm } from './big-form.ts';
import { createEvaluator, defineForm, FormDecimal, type FormInput, type InputValue } from '../packages/core/src/forms/index.ts';

const AIM_FULL_MS = 50;
const AIM_INCREMENTAL_MS = 5;

const buildForm = (): FormInput =>
  benchForm({
    name: 'Biểu đo hiệu năng',
    code: 'BENCH',
    groups: 4,
    items: 24,
    extraColumns: [
      { code: 'D1', name: 'Số đơn vị báo cáo' },
      { code: 'D2', name: 'Số đơn vị đạt' },
      { code: 'D3', name: 'Dự kiến kỳ sau' },
    ],
  });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(2)} ms`;

const resolver = { value: (fn: string, row: string) => (fn === 'YTD' ? new FormDecimal(row.length * 100) : null) };

const heapBefore = process.memoryUsage().heapUsed;
let t = performance.now();
const form = defineForm(buildForm());
const parseMs = performance.now() - t;

t = performance.now();
const ev = createEvaluator(form, { resolver });
const buildMs = performance.now() - t;
// A second build, with the code warmed up, is what a long-running server or tab sees.
t = performance.now();
createEvaluator(form, { resolver });
const buildWarmMs = performance.now() - t;
const size = ev.space.keys.length;
const computed = ev.space.formulas.filter(Boolean).length;

const inputs = new Map<string, InputValue>();
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
for (const key of ev.space.keys) if (ev.isInput(key)) inputs.set(key, new FormDecimal(Math.floor(rand() * 1e8)).div(100));

// Warm up, then time several full evaluations.
for (let i = 0; i < 3; i++) ev.evaluateAll(inputs);
const fullRuns: number[] = [];
for (let i = 0; i < 10; i++) {
  t = performance.now();
  ev.evaluateAll(inputs);
  fullRuns.push(performance.now() - t);
}
const heapAfter = process.memoryUsage().heapUsed;

const inputKeys = [...inputs.keys()];
const incRuns: number[] = [];
let changedTotal = 0;
for (let i = 0; i < 200; i++) {
  const key = inputKeys[Math.floor(rand() * inputKeys.length)]!;
  t = performance.now();
  changedTotal += ev.setInput(key, new FormDecimal(Math.floor(rand() * 1e8)).div(100)).length;
  incRuns.push(performance.now() - t);
}

const full = median(fullRuns);
const inc = median(incRuns);
console.log(
  `Form: ${form.rows.length} sections, ${ev.space.rows.length} rows × ${ev.space.columns.length} columns = ${size} cells, ${computed} computed (${((computed / size) * 100).toFixed(0)}%)`,
);
console.log(`Schema parse (defineForm):        ${ms(parseMs)}`);
console.log(`Build (bind formulas + graph):    ${ms(buildMs)} cold, ${ms(buildWarmMs)} warm`);
console.log(`Full evaluation (median of 10):   ${ms(full)}   aim ${AIM_FULL_MS} ms → ${(full / AIM_FULL_MS).toFixed(2)}× of aim`);
console.log(
  `One-cell update (median of 200):  ${ms(inc)}   aim ${AIM_INCREMENTAL_MS} ms → ${(inc / AIM_INCREMENTAL_MS).toFixed(3)}× of aim (avg ${(changedTotal / 200).toFixed(1)} cells changed)`,
);
console.log(`Heap growth (form + evaluator):   ${((heapAfter - heapBefore) / 1024 / 1024).toFixed(1)} MB (rough; GC-dependent)`);
