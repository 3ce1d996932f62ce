import { Badge, Button, Code, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TAdConnectionList } from '../../../../contracts/ads-connections.js';
import { notifyError } from '../../../lib/errors.js';
import { CopyableCode } from '../../../ui/copyable-code.js';
import { useAuthorize } from './ad-connections-api.js';

type TSetup = TAdConnectionList['networks'][number];

/** One card per network: configured or not (and which variables the administrator must set), "Connecter". */
export function NetworkSetup({ networks, canConnect }: { networks: TSetup[]; canConnect: boolean }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
      {networks.map((setup) => (
        <NetworkCard key={setup.network} setup={setup} canConnect={canConnect} />
      ))}
    </SimpleGrid>
  );
}

function NetworkCard({ setup, canConnect }: { setup: TSetup; canConnect: boolean }) {
  const { t } = useTranslation();
  const authorize = useAuthorize();
  const name = t(`ads.networks.${setup.network}`);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={name} data-testid={`ad-network-${setup.network}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h4">
            {name}
          </Title>
          <Badge variant="light" color={setup.configured ? 'teal' : 'gray'} style={{ minWidth: 'max-content' }}>
            {t(setup.configured ? 'adsSettings.configured' : 'adsSettings.notConfigured')}
          </Badge>
        </Group>
        {setup.configured ? (
          <>
            <Text size="sm">{t('adsSettings.connectHint')}</Text>
            {canConnect && (
              <Button
                leftSection={<IconPlugConnected size={16} aria-hidden />}
                loading={authorize.isPending}
                onClick={() =>
                  authorize.mutate(setup.network, {
                    // The platform's consent page, which comes back to /settings/ads?connect=<id>.
                    onSuccess: ({ url }) => window.location.assign(url),
                    onError: (error) => notifyError(error, t),
                  })
                }
              >
                {t('adsSettings.connect', { network: name })}
              </Button>
            )}
          </>
        ) : (
          <Stack gap={6}>
            <Text size="sm">{t('adsSettings.setVariables')}</Text>
            <List size="sm" spacing={2}>
              {setup.missing.map((variable) => (
                <List.Item key={variable}>
                  <Code>{variable}</Code>
                </List.Item>
              ))}
            </List>
            <Text size="sm" c="dimmed">
              {t('adsSettings.readme')}
            </Text>
          </Stack>
        )}
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            {t('adsSettings.redirectUri')}
          </Text>
          <CopyableCode value={setup.redirect_uri} copyLabel={t('adsSettings.copyRedirect', { network: name })} />
        </Stack>
      </Stack>
    </Paper>
  );
}
