/**
 * The one error type of the API. Every refusal has a stable code, an HTTP status and a message in
 * zh-CN and en (see messages.ts); `fields` names the offending input fields with their own messages.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_JSON: 400,
  UNAUTHENTICATED: 401,
  BAD_CREDENTIALS: 401,
  SESSION_EXPIRED: 401,
  PASSWORD_CHANGE_REQUIRED: 403,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  STATE_CONFLICT: 409,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_FILE_TYPE: 415,
  FILE_TOO_LARGE: 413,
  STORAGE_FULL: 507,
  DB_UNAVAILABLE: 503,
  INVALID_CHARACTERS: 400,
  NOT_ELIGIBLE: 422,
  SCAN_REQUIRED: 422,
  OPINION_REQUIRED: 422,
  APPLICATION_OPEN: 409,
  STATION_EXISTS: 409,
  BATCH_CLOSED: 409,
  BATCH_NOT_EMPTY_PENDING: 409,
  NOT_IN_BATCH: 409,
  IN_BATCH: 409,
  REVISION_CONFLICT: 409,
  IMPORT_NOT_XLSX: 415,
  IMPORT_COLUMNS: 422,
  IMPORT_EMPTY: 422,
  IMPORT_TOO_MANY_ROWS: 422,
  POSTER_NOT_ELIGIBLE: 422,
  COMMITMENT_REQUIRED: 422,
  TAKER_NOT_ELIGIBLE: 422,
  DEADLINE_PASSED: 422,
  NOT_OPEN_FOR_TAKING: 409,
  ALREADY_SIGNED_UP: 409,
  SUGGESTION_DUPLICATE: 409,
  SOLUTION_EXISTS: 409,
  INVITATIONS_PENDING: 422,
  CONFIDENTIALITY_REQUIRED: 403,
  AGREEMENT_ALREADY_SIGNED: 409,
  AGREEMENT_NOT_YOUR_TURN: 409,
  AGREEMENT_PASSWORD_WRONG: 422,
  VERIFY_NOT_PDF: 415,
  REVIEW_DECLARATION_REQUIRED: 403,
  REVIEW_CONFLICT: 422,
  REVIEW_LOAD_EXCEEDED: 422,
  REVIEW_INFEASIBLE: 422,
  REVIEW_DEADLINE_PASSED: 422,
  REVIEW_INCOMPLETE: 422,
  REVIEW_MISSING: 422,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  /** Dotted path of the input field, e.g. `unit.creditCode`. */
  path: string;
  /** Message key (see messages.ts `fieldMessages`) with parameters. */
  key: string;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly fields: FieldError[] = [],
  ) {
    super(code);
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (): AppError => new AppError('NOT_FOUND');
export const forbidden = (): AppError => new AppError('FORBIDDEN');
export const validation = (fields: FieldError[]): AppError => new AppError('VALIDATION_FAILED', {}, fields);
export const fieldError = (path: string, key: string, params?: Record<string, string | number>): AppError =>
  validation([{ path, key, ...(params ? { params } : {}) }]);
