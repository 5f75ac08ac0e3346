import type { FormInstance } from 'antd';
import { ApiError, errorMessage } from '../api/client.ts';

const CONTEXTS = new Set(['body', 'querystring', 'query', 'params']);

/** "body.grants.0.unitId" → ['grants', 0, 'unitId'] (the server prefixes the request part). */
function toNamePath(path: string): (string | number)[] {
  const parts = path.split(/[.[\]/]+/u).filter(Boolean);
  if (parts.length > 1 && CONTEXTS.has(parts[0]!)) parts.shift();
  return parts.map((p) => (/^\d+$/u.test(p) ? Number(p) : p));
}

/**
 * Puts the server's VALIDATION_FAILED issues (and a few well-known codes) on the form fields they
 * belong to; returns the message to show for whatever could not be placed on a field.
 */
export function applyApiError(
  form: FormInstance,
  error: unknown,
  /** The form's top-level field names. */
  fields: readonly string[],
  /** Error codes that belong to one field, e.g. { DUPLICATE_USERNAME: 'username' }. */
  fieldFor: Partial<Record<string, string>> = {},
): string | null {
  if (!(error instanceof ApiError)) return errorMessage(error);
  const known = new Set(fields);
  const field = fieldFor[error.code];
  if (field) {
    const problems = (error.details as { problems?: unknown } | undefined)?.problems;
    const errors = Array.isArray(problems) && problems.length ? problems.map(String) : [error.message];
    form.setFields([{ name: toNamePath(field), errors }]);
    return null;
  }
  const issues = error.issues;
  if (issues.length === 0) return error.message;
  const unplaced: string[] = [];
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const issue of issues) {
    const name = toNamePath(issue.path);
    const head = name[0];
    if (typeof head === 'string' && known.has(head)) {
      const key = name.join('.');
      const entry = byField.get(key) ?? { name, errors: [] };
      entry.errors.push(issue.message);
      byField.set(key, entry);
    } else {
      unplaced.push(issue.message);
    }
  }
  form.setFields([...byField.values()]);
  // The server's message already names the first problem.
  return unplaced.length ? error.message : null;
}
