import { AppError } from '../../errors';
import { notATable, readCsv, XLS_MAGIC, XLSX_MAGIC } from './csv-read';
import type { CellBudget, Grid, TableFile } from './grid';
import { readWorkbookParts } from './xlsx-parts';
import { readSheet } from './xlsx-sheet';
import { openXlsxZip } from './xlsx-zip';

async function readXlsx(buffer: Buffer, budget: CellBudget): Promise<Grid[]> {
  const zip = await openXlsxZip(buffer);
  try {
    const parts = await readWorkbookParts(zip);
    const grids: Grid[] = [];
    for (const sheet of parts.sheets) grids.push(await readSheet(zip, sheet, parts, budget));
    return grids;
  } finally {
    zip.close();
  }
}

/**
 * Reads an uploaded .xlsx or .csv into grids, whatever its name says: the bytes decide. Runs in the reader's
 * worker thread (table-read.worker.ts); every limit it enforces throws an AppError naming it.
 */
export async function readTableBuffer(buffer: Buffer): Promise<TableFile> {
  if (buffer.length === 0) throw new AppError('IMPORT_FAILED', 'Tệp rỗng');
  const budget: CellBudget = { used: 0 };
  if (buffer.subarray(0, 4).equals(XLSX_MAGIC))
    return { format: 'xlsx', sheets: await readXlsx(buffer, budget) };
  if (buffer.subarray(0, 4).equals(XLS_MAGIC)) throw notATable(buffer);
  return { format: 'csv', sheets: [await readCsv(buffer, budget)] };
}
