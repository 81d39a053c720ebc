/** Input limits shared by the API, the forms and the importers. */
export const MAX_NAME = 300;
export const MAX_SHORT_NAME = 120;
export const MAX_TEXT = 4000;
export const MAX_USERNAME = 64;
export const MIN_PASSWORD = 8;
export const MAX_PASSWORD = 200;
export const MAX_ADMIN_CODE = 20;
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;
export const MAX_PAGE_SIZE = 200;
export const MAX_PHONE = 30;
export const MAX_EMAIL = 254;
export const MAX_QUOTA = 10_000;
/** Days after an event's end that its delegates' personal data is kept unless the organizer sets otherwise. */
export const DEFAULT_RETENTION_DAYS = 365;
export const MAX_RETENTION_DAYS = 3650;

// What one imported table file (.xlsx or .csv) may hold. Checked while the file is read in a worker thread, so a
// hostile file is refused before it can cost the server its memory or its time.
/** Columns read from the left; Excel 2003's 256 (A to IV) is more than any list offices send. */
export const MAX_IMPORT_COLUMNS = 256;
/** Non-empty cells kept from one file, all sheets together (20,000 rows of 25 columns). */
export const MAX_IMPORT_CELLS = 500_000;
/** Rows read from a sheet, counted by row number: the data rows plus room for titles, header and blank rows. */
export const MAX_IMPORT_SHEET_ROWS = MAX_IMPORT_ROWS + 1_000;
/** Excel's own limit for the text of one cell. */
export const MAX_IMPORT_CELL_CHARS = 32_767;
/** Characters in one line of a CSV, all its cells together. */
export const MAX_IMPORT_LINE_CHARS = 1_000_000;
/** Bytes of an .xlsx once unzipped, all parts together, counted while inflating. */
export const MAX_IMPORT_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
/** Files inside an .xlsx (sheets, styles, images…). */
export const MAX_IMPORT_ZIP_ENTRIES = 1_000;
/** Uncompressed ÷ compressed size of one part past which it is a zip bomb, not a spreadsheet. */
export const MAX_IMPORT_COMPRESSION_RATIO = 200;
/** Memory and time given to reading one file. */
export const MAX_IMPORT_READ_HEAP_MB = 256;
export const MAX_IMPORT_READ_SECONDS = 20;
