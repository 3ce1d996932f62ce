import { Anchor, Box, Container, Group, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { ColorSchemeToggle } from './color-scheme-toggle.js';
import { LanguageSwitcher } from './language-switcher.js';

/** Layout of the pages seen before signing in: a centered card. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="var(--mantine-color-body)">
      <Group component="header" justify="space-between" p="md" wrap="nowrap">
        <Anchor component={Link} to="/" fw={700} size="lg" underline="never" truncate style={{ minWidth: 0 }}>
          {t('app.name')}
        </Anchor>
        <Group gap="xs" wrap="nowrap">
          <LanguageSwitcher />
          <ColorSchemeToggle />
        </Group>
      </Group>
      <Container component="main" size={460} py={{ base: 'md', sm: 'xl' }}>
        <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
          <Outlet />
        </Paper>
      </Container>
    </Box>
  );
}
