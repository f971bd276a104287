import { ApiError, failure } from '../api/client';
import { session } from '../auth/session';

/**
 * Reads a stored file through the API: the route checks the token and answers a redirect to a short-lived
 * storage URL, which fetch follows (dropping the token, which storage neither needs nor should see).
 */
export async function fetchFile(path: string): Promise<Blob> {
  const token = session.get()?.token;
  let response: Response;
  try {
    response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError(0, 'NetworkError', 'The file cannot be reached', '无法获取文件');
  }
  if (response.ok) return response.blob();
  throw failure(response, await response.json().catch(() => undefined));
}
