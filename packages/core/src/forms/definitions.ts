import type { z } from 'zod';
import type { FormKind } from '../api/forms.ts';
import { listFormDefinition, validateListForm, type ListForm } from './list.ts';
import { formDefinition, type Form } from './model.ts';
import { outlineDefinition, validateOutline, type Outline } from './outline.ts';
import { validateForm, type FormProblem } from './validate.ts';

/**
 * The three kinds of form behind one door: the schema of each kind's definition, parsing with
 * problems instead of exceptions, and whole-definition validation. Server and browser both use it,
 * so a designer sees in the editor exactly what publishing will refuse.
 */

export interface DefinitionByKind {
  table: Form;
  list: ListForm;
  outline: Outline;
}
export type AnyDefinition = DefinitionByKind[FormKind];

const SCHEMAS = { table: formDefinition, list: listFormDefinition, outline: outlineDefinition } as const;

export function definitionSchema<K extends FormKind>(kind: K): (typeof SCHEMAS)[K] {
  return SCHEMAS[kind];
}

export type ParsedDefinition<K extends FormKind> = { ok: true; definition: DefinitionByKind[K] } | { ok: false; problems: FormProblem[] };

/** Parses (and normalises: defaults, NFC text) a definition of `kind`; problems carry Vietnamese messages. */
export function parseDefinition<K extends FormKind>(kind: K, input: unknown): ParsedDefinition<K> {
  const result = (SCHEMAS[kind] as z.ZodType).safeParse(input);
  if (result.success) return { ok: true, definition: result.data as DefinitionByKind[K] };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      path: issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
      message: issue.message,
      severity: 'error' as const,
    })),
  };
}

/** Whole-definition problems ([] or warnings only: it can be published). */
export function validateDefinition(kind: FormKind, definition: AnyDefinition): FormProblem[] {
  switch (kind) {
    case 'table':
      return validateForm(definition as Form);
    case 'list':
      return validateListForm(definition as ListForm);
    case 'outline':
      return validateOutline(definition as Outline);
  }
}

/** "rows.0.children.1.formula": a problem's place, as the API and the editor name it. */
export function problemPath(path: readonly (string | number)[]): string {
  return path.join('.');
}
