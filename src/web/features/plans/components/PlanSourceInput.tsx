import { Button, FileInput, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A plan as a file (.txt, .docx, .pdf) or pasted text, and the button that has it read. */
export function PlanSourceInput({
  onRead,
  loading,
}: {
  onRead: (input: { file: File } | { text: string }) => void;
  loading: boolean;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  return (
    <Stack>
      <FileInput label={t('plans.file')} accept=".txt,.docx,.pdf" value={file} onChange={setFile} clearable />
      <Textarea
        label={t('plans.paste')}
        autosize
        minRows={5}
        maxRows={14}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <Group>
        <Button
          loading={loading}
          disabled={!file && !text.trim()}
          onClick={() => onRead(file ? { file } : { text })}
        >
          {t('plans.read')}
        </Button>
      </Group>
    </Stack>
  );
}
