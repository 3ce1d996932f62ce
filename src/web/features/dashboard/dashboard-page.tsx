import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NAV_ITEMS } from '../../app/main-nav.js';
import { PageHeader } from '../../ui/page-header.js';
import { useSignedInMe } from '../auth/session.js';

type TModuleKey = 'funnels' | 'email' | 'crm' | 'ads' | 'settings';
const MODULES: TModuleKey[] = ['funnels', 'email', 'crm', 'ads', 'settings'];

/** /: welcome, and what each module does (or will do). */
export function DashboardPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        description={t('dashboard.context', { workspace: me.workspace.name, role: t(`roles.${me.role}`) })}
      />
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={2}>{t('dashboard.welcome', { name: me.user?.name ?? me.workspace.name })}</Title>
          <Text>{t('dashboard.intro')}</Text>
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {MODULES.map((key) => (
            <ModuleCard key={key} moduleKey={key} />
          ))}
        </SimpleGrid>
      </Stack>
    </>
  );
}

function ModuleCard({ moduleKey }: { moduleKey: TModuleKey }) {
  const { t } = useTranslation();
  const item = NAV_ITEMS.find((n) => n.key === moduleKey);
  if (!item) return null;
  const ready = moduleKey === 'settings';
  // The CRM's pipeline works; its contacts table, scoring, import and automations are still to come.
  const partial = moduleKey === 'crm';
  const titleId = `module-${moduleKey}`;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={titleId}>
      <Stack gap="sm" h="100%">
        <Group justify="space-between" wrap="nowrap">
          <ThemeIcon variant="light" size="lg">
            <item.Icon size={20} aria-hidden />
          </ThemeIcon>
          <Badge variant="light" color={ready ? 'teal' : partial ? 'blue' : 'yellow'}>
            {ready ? t('common.available') : partial ? t('common.partlyAvailable') : t('common.comingSoon')}
          </Badge>
        </Group>
        <Title order={3} size="h4" id={titleId}>
          {t(`nav.${moduleKey}`)}
        </Title>
        <Text size="sm" style={{ flexGrow: 1 }}>
          {t(`dashboard.cards.${moduleKey}`)}
        </Text>
        <Button
          component={Link}
          to={ready ? '/settings/team' : item.to}
          variant="light"
          aria-describedby={titleId}
          style={{ alignSelf: 'flex-start' }}
        >
          {ready ? t('dashboard.openSettings') : partial ? t('dashboard.open') : t('dashboard.learnMore')}
        </Button>
      </Stack>
    </Card>
  );
}
