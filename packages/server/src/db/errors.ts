import pg from 'pg';
import { AppError, ConflictError, NotFoundError, ValidationError, type FieldError } from '../errors';

/** `Key (event_id)=(…)` or `Key (a, b)=(…)` in a constraint's detail → `/event_id`. */
function keyField(error: pg.DatabaseError): FieldError[] {
  const column = error.column ?? /^Key \(([\w]+)[,)]/.exec(error.detail ?? '')?.[1];
  return column ? [{ path: `/${column}`, message: error.message }] : [];
}

/**
 * The one translation of PostgreSQL errors that input can cause into 4xx problems (class 22 data
 * exceptions, integrity violations, row-level security). Whatever is left is a bug and stays a 500.
 * Route-level checks refuse most of these earlier with better messages; this is the wall behind them.
 */
export function inputProblem(error: unknown): AppError | undefined {
  if (!(error instanceof pg.DatabaseError) || !error.code) return undefined;
  const { code } = error;
  if (code === '42501')
    // Row-level security refused a write to a row the caller may see but not change: as if it did not exist.
    return new NotFoundError('resource in this organization');
  if (code === '23001' || (code === '23503' && /still referenced/.test(error.detail ?? '')))
    return new ConflictError({
      code: 'in_use',
      detail: `Other records still refer to this one${error.table ? ` (${error.table})` : ''}; remove or archive them first.`,
      cause: error,
    });
  if (code === '23503')
    return new AppError({
      code: 'not_found',
      status: 404,
      title: 'Not found',
      detail: 'The request refers to a record that does not exist in this organization; check the ids.',
      errors: keyField(error),
      cause: error,
    });
  if (code === '23505')
    return new ConflictError({
      code: 'duplicate',
      detail: 'A record with the same unique values exists already; change them or update that record.',
      cause: error,
    });
  if (code === '23502' || code === '23514')
    return new ValidationError(
      `The request breaks a rule of the data (${error.constraint ?? error.column ?? 'a required value is missing'}); check the values.`,
      keyField(error),
    );
  if (code.startsWith('22') || code === '54000')
    return new ValidationError(
      `A value in the request cannot be stored: ${error.message}. Check numbers are in range, dates are real dates with offsets within ±15:59, and text has no NUL characters.`,
      keyField(error),
    );
  return undefined;
}
