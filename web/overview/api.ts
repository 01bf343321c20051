/** The caller's token is kept for this browser tab only, and sent in a header, never in a URL. */
const TOKEN_KEY = 'tdkt.overview.token';

export function storedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function storeToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function forgetToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** A refused or failed request: `code` is the GraphQL error code (FORBIDDEN, UNAUTHENTICATED, …). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** Runs a query with the stored token; any error of the answer is thrown as an ApiError. */
export async function query<T>(text: string, variables: Record<string, unknown> = {}): Promise<T> {
  const token = storedToken();
  if (!token) throw new ApiError('UNAUTHENTICATED', 'chưa đăng nhập');
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: text, variables }),
  });
  let answer: GraphQLAnswer<T>;
  try {
    answer = (await response.json()) as GraphQLAnswer<T>;
  } catch {
    throw new ApiError('HTTP_ERROR', `máy chủ trả lời HTTP ${response.status}`);
  }
  const error = answer.errors?.[0];
  if (error) throw new ApiError(error.extensions?.code ?? 'HTTP_ERROR', error.message);
  if (!answer.data) throw new ApiError('HTTP_ERROR', `máy chủ trả lời HTTP ${response.status}`);
  return answer.data;
}

/** This run's development tokens by role, or null outside development mode. */
export async function developmentTokens(): Promise<Record<string, string> | null> {
  try {
    const response = await fetch('/dev/tokens');
    if (response.status !== 200) return null;
    return ((await response.json()) as { tokens: Record<string, string> }).tokens;
  } catch {
    return null;
  }
}

/** The role and subject a token names (read, not verified: the server verifies every request). */
export function tokenClaims(token: string): { sub?: string; role?: string } {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0)));
    return JSON.parse(json) as { sub?: string; role?: string };
  } catch {
    return {};
  }
}
