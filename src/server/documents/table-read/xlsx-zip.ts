import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import {
  MAX_IMPORT_COMPRESSION_RATIO,
  MAX_IMPORT_UNCOMPRESSED_BYTES,
  MAX_IMPORT_ZIP_ENTRIES,
} from '../../../shared/limits';
import { AppError } from '../../errors';
import { brokenXlsx } from './xml-stream';

/**
 * The zip around an .xlsx, judged from its central directory before anything is inflated (entry count, declared
 * sizes, compression ratios), then inflated part by part with the real bytes counted: declared sizes can lie.
 */
export interface XlsxZip {
  entry(path: string): yauzl.Entry | undefined;
  /** Inflates one part, handing its text to `onText` chunk by chunk; stops as soon as `onText` throws. */
  readText(entry: yauzl.Entry, onText: (text: string) => void): Promise<void>;
  close(): void;
}

const MB = 1024 * 1024;
// Small parts compress oddly well (a styles.xml of repeated defaults); the ratio says nothing below this size.
const RATIO_FLOOR_BYTES = MB;
const mb = (bytes: number) => `${Math.ceil(bytes / MB).toLocaleString('vi-VN')} MB`;

function tooBig(what: string): AppError {
  return new AppError(
    'IMPORT_TOO_LARGE',
    `${what}, quá giới hạn ${mb(MAX_IMPORT_UNCOMPRESSED_BYTES)} khi giải nén của một tệp nhập; hãy chia thành nhiều tệp`,
  );
}

function zipBomb(path: string, ratio: number): AppError {
  return new AppError(
    'IMPORT_TOO_LARGE',
    `Phần "${path}" của tệp Excel nén với tỉ lệ ${Math.round(ratio).toLocaleString('vi-VN')}:1, quá giới hạn ${MAX_IMPORT_COMPRESSION_RATIO}:1 của một bảng tính thật (dấu hiệu "bom nén")`,
  );
}

function ratioOf(uncompressed: number, compressed: number): number {
  return uncompressed / Math.max(compressed, 1);
}

function fromBuffer(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (error, zip) =>
      error || !zip ? reject(brokenXlsx()) : resolve(zip),
    );
  });
}

function listEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    let declared = 0;
    zip.on('entry', (entry: yauzl.Entry) => {
      declared += entry.uncompressedSize;
      if (declared > MAX_IMPORT_UNCOMPRESSED_BYTES) {
        zip.close();
        reject(tooBig(`Tệp Excel khai kích thước giải nén hơn ${mb(declared)}`));
        return;
      }
      const ratio = ratioOf(entry.uncompressedSize, entry.compressedSize);
      if (entry.uncompressedSize > RATIO_FLOOR_BYTES && ratio > MAX_IMPORT_COMPRESSION_RATIO) {
        zip.close();
        reject(zipBomb(entry.fileName, ratio));
        return;
      }
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', () => reject(brokenXlsx()));
    zip.readEntry();
  });
}

function openStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => (error || !stream ? reject(brokenXlsx()) : resolve(stream)));
  });
}

export async function openXlsxZip(buffer: Buffer): Promise<XlsxZip> {
  const zip = await fromBuffer(buffer);
  if (zip.entryCount > MAX_IMPORT_ZIP_ENTRIES) {
    zip.close();
    throw new AppError(
      'IMPORT_TOO_LARGE',
      `Tệp Excel gồm ${zip.entryCount.toLocaleString('vi-VN')} phần, quá giới hạn ${MAX_IMPORT_ZIP_ENTRIES.toLocaleString('vi-VN')} phần của một bảng tính`,
    );
  }
  const entries = await listEntries(zip);
  const byLowerName = new Map([...entries].map(([name, entry]) => [name.toLowerCase(), entry]));
  let inflated = 0;

  return {
    entry: (path) => entries.get(path) ?? byLowerName.get(path.toLowerCase()),
    async readText(entry, onText) {
      const stream = await openStream(zip, entry);
      let decoder: TextDecoder | undefined;
      let bytes = 0;
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          bytes += chunk.length;
          inflated += chunk.length;
          if (inflated > MAX_IMPORT_UNCOMPRESSED_BYTES)
            throw tooBig(`Tệp Excel giải nén ra hơn ${mb(inflated)}`);
          if (
            bytes > RATIO_FLOOR_BYTES &&
            ratioOf(bytes, entry.compressedSize) > MAX_IMPORT_COMPRESSION_RATIO
          )
            throw zipBomb(entry.fileName, ratioOf(bytes, entry.compressedSize));
          // Excel writes UTF-8; a part saved as UTF-16 says so with its byte order mark.
          decoder ??= new TextDecoder(chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : 'utf-8');
          onText(decoder.decode(chunk, { stream: true }));
        }
        if (decoder) onText(decoder.decode());
      } catch (error) {
        stream.destroy();
        if (error instanceof AppError) throw error;
        // yauzl stops a part that inflates past the size its header declared: a lie only a crafted file tells.
        if (error instanceof Error && /too many bytes/.test(error.message))
          throw tooBig(`Phần "${entry.fileName}" giải nén ra nhiều hơn kích thước khai trong tệp nén`);
        throw brokenXlsx();
      }
    },
    close: () => zip.close(),
  };
}
