import type { ErrorBody, ErrorCode, ErrorDetail } from '../../shared/errors';

/** A failed API call, carrying the server's stable code, its Vietnamese message and field details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export async function request<T>(
  method: Method,
  url: string,
  body?: unknown,
  init: RequestInit = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? {}
          : {
              'content-type':
                body instanceof Blob ? body.type || 'application/octet-stream' : 'application/json',
            },
      body: body === undefined ? undefined : body instanceof Blob ? body : JSON.stringify(body),
      ...init,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.');
  }
  if (!response.ok) {
    const error = await apiErrorOf(response);
    // The server answers nothing but /api/auth/* until a temporary password is changed: go where that happens.
    if (error.code === 'PASSWORD_CHANGE_REQUIRED' && window.location.pathname !== '/account/password') {
      window.location.assign('/account/password');
    }
    throw error;
  }
  return (await response.json()) as T;
}

/** The server's `{ error: { code, message, details } }` of a failed response, as an ApiError. */
export async function apiErrorOf(response: Response): Promise<ApiError> {
  const payload = (await response.json().catch(() => null)) as ErrorBody | null;
  return new ApiError(
    response.status,
    payload?.error.code ?? 'INTERNAL',
    payload?.error.message ?? `Lỗi ${response.status}`,
    payload?.error.details ?? [],
  );
}

export const api = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body?: unknown) => request<T>('POST', url, body ?? {}),
  patch: <T>(url: string, body: unknown) => request<T>('PATCH', url, body),
  put: <T>(url: string, body: unknown) => request<T>('PUT', url, body),
  delete: <T>(url: string) => request<T>('DELETE', url),
  upload: <T>(url: string, file: Blob) => request<T>('POST', url, file),
};

/** Query strings without empty values. */
export function withQuery(
  path: string,
  query: Record<string, string | number | boolean | undefined | null>,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
