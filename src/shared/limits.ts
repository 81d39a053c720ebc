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
