import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError, apiErrorOf } from './api';
import { useErrorMessage } from './i18n';

/** The UTF-8 name the server gives (filename*=UTF-8''…), else its ASCII one. */
function fileNameOf(disposition: string | null): string {
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (utf8) return decodeURIComponent(utf8[1]!);
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? 'tai-ve';
}

/**
 * Downloads a document made by a POST (issuing a letter numbers it and gives a reply link, so it is never a plain
 * link the browser would follow with a GET). The file is saved under the server's name.
 */
export async function downloadByPost(url: string): Promise<void> {
  return downloadFile(url, 'POST');
}

/**
 * Downloads a document the server may refuse with a question (a certificate with no number): the refusal comes
 * back as an ApiError with its code instead of an error page in a new tab.
 */
export async function downloadFile(url: string, method: 'GET' | 'POST' = 'GET'): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { method, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.');
  }
  if (!response.ok) throw await apiErrorOf(response);
  const href = URL.createObjectURL(await response.blob());
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.download = fileNameOf(response.headers.get('content-disposition'));
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // The browser has taken the file once the click returns; the delay only spares slow ones.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/** {@link downloadByPost} for a button: which URL is on its way, and errors shown as a notification. */
export function useDownloadByPost() {
  const errorMessage = useErrorMessage();
  const [pending, setPending] = useState<string | null>(null);
  const download = async (url: string) => {
    setPending(url);
    try {
      await downloadByPost(url);
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(error) });
    } finally {
      setPending(null);
    }
  };
  return { download, pending };
}
