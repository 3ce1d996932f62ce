import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorDetail, errorTitle } from '../lib/errors.js';

type Props = { error: unknown; message?: string };

/** A request error shown above a form; `message` replaces the server's wording when we know better. */
export function FormError({ error, message }: Props) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" role="alert" title={message ? undefined : errorTitle(error, t)}>
      {message ?? errorDetail(error, t)}
    </Alert>
  );
}
