import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorDetail } from '../lib/errors.js';

/** A centered spinner with an accessible label. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-label={t('app.loading')}>
      <Loader />
    </Center>
  );
}

type Props<T> = { query: UseQueryResult<T>; children: (data: T) => ReactNode };

/** Renders a query's data, or its loading state, or its error with a retry button. */
export function QueryState<T>({ query, children }: Props<T>) {
  const { t } = useTranslation();
  if (query.isPending) return <Loading />;
  if (query.isError) {
    return (
      <Alert color="red" title={t('errors.loadFailed')} role="alert">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{errorDetail(query.error, t)}</Text>
          <Button size="xs" variant="light" color="red" onClick={() => void query.refetch()}>
            {t('common.retry')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  return <>{children(query.data)}</>;
}
