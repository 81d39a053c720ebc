import { Table, VisuallyHidden } from '@mantine/core';

/**
 * The header of a column of buttons, badges or checkboxes: blank on screen as the design has it, but named,
 * so a screen reader says what the column holds instead of an empty header.
 */
export function HiddenHeader({ children, w }: { children: string; w?: number }) {
  return (
    <Table.Th w={w}>
      <VisuallyHidden>{children}</VisuallyHidden>
    </Table.Th>
  );
}
