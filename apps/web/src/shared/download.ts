import { ErrorCode, FieldError } from '@canbo/shared';
import { ApiError } from './graphql-client';
import { accessToken, refreshSession } from './session';

/** A file received from a /files route. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

export interface DownloadProgress {
  /** bytes received so far */
  received: number;
  /** X-Total-Count of the answer (rows of an export), when the server sent it */
  count: number | null;
}

/**
 * The file name of a Content-Disposition header: the UTF-8 `filename*` (RFC 5987) when present, else `filename`,
 * else the fallback. NFC.
 */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  if (header) {
    const extended = /filename\*\s*=\s*UTF-8''([^;]+)/iu.exec(header);
    if (extended) {
      try {
        return decodeURIComponent(extended[1].trim()).normalize('NFC');
      } catch {
        // a malformed escape: try the plain name
      }
    }
    const plain = /filename\s*=\s*"([^"]*)"/iu.exec(header) ?? /filename\s*=\s*([^;]+)/iu.exec(header);
    if (plain) return plain[1].trim().normalize('NFC');
  }
  return fallback;
}

/** The ApiError of a failed /files answer (its JSON body when there is one). */
export async function httpErrorOf(response: Response): Promise<ApiError> {
  let body: { code?: string; message?: string; fields?: FieldError[]; reason?: string } | null = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  const code = body?.code ?? (response.status === 401 ? ErrorCode.UNAUTHENTICATED : response.status >= 500 ? ErrorCode.INTERNAL_SERVER_ERROR : 'NETWORK');
  const message = body?.message ?? `HTTP ${response.status}`;
  return new ApiError(code, message, body?.fields ?? [], [{ message, extensions: { code, fields: body?.fields, reason: body?.reason } }]);
}

async function fetchOnce(path: string, token: string | null, signal?: AbortSignal): Promise<Response> {
  try {
    return await fetch(path, {
      credentials: 'same-origin',
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal,
    });
  } catch (error) {
    if ((error as Error)?.name === 'AbortError') throw error;
    throw new ApiError('NETWORK', String((error as Error)?.message ?? error));
  }
}

/**
 * Downloads a file of the API with the access token (renewed once when it has expired, as GraphQL requests are),
 * reporting the bytes received. Failures become ApiError with the server's code, message and field errors.
 */
export async function downloadFile(
  path: string,
  fallbackName: string,
  options: { onProgress?: (p: DownloadProgress) => void; signal?: AbortSignal } = {},
): Promise<DownloadedFile> {
  const token = accessToken();
  let response = await fetchOnce(path, token, options.signal);
  if (response.status === 401) {
    const current = accessToken();
    if (current && current !== token) response = await fetchOnce(path, current, options.signal);
    else if (await refreshSession()) response = await fetchOnce(path, accessToken(), options.signal);
  }
  if (!response.ok) throw await httpErrorOf(response);
  const countHeader = response.headers.get('x-total-count');
  const count = countHeader !== null && countHeader !== '' && Number.isFinite(Number(countHeader)) ? Number(countHeader) : null;
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  options.onProgress?.({ received, count });
  try {
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value as Uint8Array<ArrayBuffer>);
        received += value.length;
        options.onProgress?.({ received, count });
      }
    } else {
      const buffer = new Uint8Array(await response.arrayBuffer());
      chunks.push(buffer);
      received = buffer.length;
      options.onProgress?.({ received, count });
    }
  } catch (error) {
    if ((error as Error)?.name === 'AbortError') throw error;
    // the server cut the answer (it failed after it had started)
    throw new ApiError('NETWORK', String((error as Error)?.message ?? error));
  }
  return { blob: new Blob(chunks, { type }), fileName: fileNameFromDisposition(response.headers.get('content-disposition'), fallbackName) };
}

/** Hands a blob to the browser as a download named `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // the browser has taken the blob once the click is handled
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** 1,2 MB / 350 KB, in the locale's number format. */
export function formatBytes(bytes: number, locale: string): string {
  const fmt = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${fmt.format(bytes / 1024 / 1024)} MB`;
  return `${fmt.format(Math.max(1, Math.round(bytes / 1024)))} KB`;
}
