import { TextInput, type TextInputProps } from '@mantine/core';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { type FocusEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "27/11/2020", "27-11-2020", "27.11.2020", "2020-11-27" → "2020-11-27"; null while the text is not (yet) a whole
 * date and for a day that does not exist (31/02/2020). Day first, as Vietnamese dates are written.
 */
export function parseVnDate(text: string): string | null {
  const value = text.trim();
  const dmy = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(value);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const [day, month, year] = dmy ? [dmy[1]!, dmy[2]!, dmy[3]!] : ymd ? [ymd[3]!, ymd[2]!, ymd[1]!] : [];
  if (!day || !month || !year) return null;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

/** "8h30", "8:30", "0830", "8" → "08:30" / "08:00"; null when it is not a time of day. */
export function parseVnTime(text: string): string | null {
  const m =
    /^(\d{1,2})(?:\s*(?:[:hg.]|giờ)\s*(\d{1,2})?\s*(?:phút|p|')?)?$/iu.exec(text.trim()) ??
    /^(\d{2})(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2] ?? 0)];
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/**
 * A date field that takes dd/mm/yyyy typed as well as picked, and says so when the typed day does not exist.
 * Mantine's default parser reads "27/11/2020" through `new Date()`, which gave 01/02/2001.
 */
export function VnDateInput({ error, onBlur, onChange, ...props }: DateInputProps) {
  const { t } = useTranslation();
  const [invalid, setInvalid] = useState<string | null>(null);
  const handleBlur = (event: FocusEvent<HTMLInputElement>) => {
    const typed = event.currentTarget.value.trim();
    const bad = typed !== '' && !parseVnDate(typed);
    setInvalid(bad ? typed : null);
    if (bad) onChange?.(null);
    onBlur?.(event);
  };
  return (
    <DateInput
      valueFormat="DD/MM/YYYY"
      placeholder="dd/mm/yyyy"
      dateParser={parseVnDate}
      fixOnBlur={false}
      {...props}
      onChange={(value) => {
        if (value) setInvalid(null);
        onChange?.(value);
      }}
      onBlur={handleBlur}
      error={invalid ? t('planReview.invalidDate', { text: invalid }) : error}
    />
  );
}

/**
 * A 24-hour time field ("08:00", never "08:00 AM"): the browser's own time input follows the system's locale.
 * Takes "8h30" or "8:30" typed and writes it back as "08:30".
 */
export function VnTimeInput({
  value,
  onChange,
  onBlur,
  error,
  ...props
}: Omit<TextInputProps, 'value' | 'onChange'> & { value?: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const [invalid, setInvalid] = useState(false);
  return (
    <TextInput
      placeholder="HH:mm"
      inputMode="numeric"
      maxLength={8}
      {...props}
      value={value ?? ''}
      onChange={(event) => onChange(event.currentTarget.value)}
      onBlur={(event) => {
        const typed = event.currentTarget.value.trim();
        const time = parseVnTime(typed);
        setInvalid(typed !== '' && !time);
        if (time && time !== value) onChange(time);
        onBlur?.(event);
      }}
      error={invalid ? t('planReview.invalidTime') : error}
    />
  );
}
