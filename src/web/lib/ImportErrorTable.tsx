import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface ImportRowProblem {
  row: number;
  column: string;
  message: string;
}

/** An import's row errors as the user fixes them in the file: row, column, what is wrong. */
export function ImportErrorTable({ errors }: { errors: ImportRowProblem[] }) {
  const { t } = useTranslation();
  if (errors.length === 0) return <Text c="green">{t('importer.noErrors')}</Text>;
  return (
    <Table.ScrollContainer minWidth={480} mah={320}>
      <Table striped withTableBorder aria-label={t('importer.problem')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('importer.row')}</Table.Th>
            <Table.Th>{t('importer.column')}</Table.Th>
            <Table.Th>{t('importer.problem')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((e) => (
            <Table.Tr key={`${e.row}-${e.column}-${e.message}`}>
              <Table.Td>{e.row}</Table.Td>
              <Table.Td>{e.column}</Table.Td>
              <Table.Td>{e.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The server's refusal of a whole file ("Dòng 5, cột Số sao: …") back as rows for the table. */
export function problemsOf(
  details: { row?: number; column?: string; message: string }[],
): ImportRowProblem[] {
  return details.map((d) => ({
    row: d.row ?? 0,
    column: d.column ?? '',
    message: d.message.replace(/^Dòng \d+, cột [^:]+: /, ''),
  }));
}
