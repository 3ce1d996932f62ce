import { Table, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { QueryState } from './query-state.js';

type Props<T> = {
  query: UseQueryResult<T[]>;
  /** Shown instead of the table when the list is empty. */
  empty: string;
  /** Column titles; a number column's title can align right like its cells. */
  headers: (ReactNode | { label: ReactNode; alignRight: true })[];
  /** One <Table.Tr> per item. */
  row: (item: T) => ReactNode;
  minWidth: number;
  spacing?: 'xs' | 'sm';
  labelledBy?: string;
};

/** A list from a query as a striped, horizontally scrollable table, with loading, error and empty states. */
export function QueryTable<T>({ query, empty, headers, row, minWidth, spacing = 'sm', labelledBy }: Props<T>) {
  return (
    <QueryState query={query}>
      {(list) =>
        list.length === 0 ? (
          <Text size="sm" c="dimmed">
            {empty}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={minWidth}>
            <Table striped verticalSpacing={spacing} aria-labelledby={labelledBy}>
              <Table.Thead>
                <Table.Tr>
                  {headers.map((header, i) =>
                    header !== null && typeof header === 'object' && 'alignRight' in header ? (
                      <Table.Th key={i} ta="right">
                        {header.label}
                      </Table.Th>
                    ) : (
                      <Table.Th key={i}>{header}</Table.Th>
                    ),
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>{list.map(row)}</Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )
      }
    </QueryState>
  );
}
