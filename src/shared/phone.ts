/**
 * Vietnamese phone numbers as people type them and as Excel mangles them: "0912 345 678", "0912.345.678",
 * "+84 912 345 678", "84912345678", or 912345678 after Excel dropped the leading 0. Stored as "0912345678".
 */
export type PhoneResult = { phone: string } | { problem: string };

// Problems name what is wrong, never the number itself: messages travel to logs, screenshots and other people's
// screens (Nghị định 13/2023/NĐ-CP); the form or the import row already says where it is.

export function normalizePhone(input: string): PhoneResult {
  const text = input.normalize('NFC').trim();
  if (/\p{L}/u.test(text)) return { problem: 'Số điện thoại có chữ cái' };
  if (/[^\d\s.+()-]/.test(text)) return { problem: 'Số điện thoại có ký tự không hợp lệ' };
  let digits = text.replace(/\D/g, '');
  if (text.startsWith('+') || (digits.startsWith('84') && digits.length >= 11)) {
    if (!digits.startsWith('84'))
      return { problem: 'Không phải số điện thoại Việt Nam (mã quốc gia khác +84)' };
    digits = `0${digits.slice(2)}`;
  } else if (!digits.startsWith('0') && (digits.length === 9 || digits.length === 10)) {
    // Excel stores 0912345678 as the number 912345678.
    digits = `0${digits}`;
  }
  if (digits.length === 10 && /^0[35789]/.test(digits)) return { phone: digits };
  if (digits.length === 11 && digits.startsWith('02')) return { phone: digits };
  return {
    problem: 'Số điện thoại không hợp lệ: di động có 10 chữ số (09xx xxx xxx), cố định có 11 (02xx xxx xxxx)',
  };
}

/** 0912345678 → "0912 345 678"; 02373852345 → "0237 385 2345". */
export function formatPhone(phone: string): string {
  if (phone.length === 10) return `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`;
  if (phone.length === 11) return `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`;
  return phone;
}
