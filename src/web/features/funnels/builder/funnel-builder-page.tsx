import { Button, Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowLeft, IconDeviceDesktop } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Loading, QueryState } from '../../../ui/query-state.js';
import { useSignedInMe } from '../../auth/session.js';
import { builderPageId, useBuilderFunnel, useBuilderPage } from './builder-api.js';
import classes from './builder.module.css';

// GrapesJS (about 300 KB compressed) comes with the editor only: a phone, which gets the message, does not download it.
const BuilderEditor = lazy(() => import('./builder-editor.js').then((m) => ({ default: m.BuilderEditor })));

/** Narrower than this, the builder's three columns do not fit: a message instead. */
const MIN_WIDTH_QUERY = '(min-width: 60em)';

/**
 * /funnels/:id/pages/:pageId/edit: the page builder, full screen (outside the app's shell). A desktop tool: on a
 * small screen it says so and offers the way back.
 */
export function FunnelBuilderPage() {
  const { id = '', pageId = '' } = useParams();
  // `?variant=<id>`: a variant of the page's A/B test, edited like the page.
  const [search] = useSearchParams();
  const wide = useMediaQuery(MIN_WIDTH_QUERY, true, { getInitialValueInEffect: false });
  if (!wide) return <SmallScreen funnelId={id} />;
  return <Builder funnelId={id} pageId={builderPageId(pageId, search.get('variant'))} />;
}

function Builder({ funnelId, pageId }: { funnelId: string; pageId: string }) {
  const me = useSignedInMe();
  const funnel = useBuilderFunnel(funnelId);
  const page = useBuilderPage(funnelId, pageId);
  return (
    <QueryState query={funnel}>
      {(f) => (
        <QueryState query={page}>
          {(p) => (
            <Suspense fallback={<Loading />}>
              <BuilderEditor key={p.id} funnel={f} page={p} canEdit={me.role !== 'viewer'} />
            </Suspense>
          )}
        </QueryState>
      )}
    </QueryState>
  );
}

function SmallScreen({ funnelId }: { funnelId: string }) {
  const { t } = useTranslation();
  return (
    <div className={classes.small}>
      <Center>
        <Stack align="center" gap="sm" maw={420} ta="center">
          <ThemeIcon size={56} radius="xl" variant="light" aria-hidden>
            <IconDeviceDesktop size={30} stroke={1.5} />
          </ThemeIcon>
          <Title order={1} size="h3">
            {t('funnelBuilder.small.title')}
          </Title>
          <Text c="dimmed">{t('funnelBuilder.small.message')}</Text>
          <Button component={Link} to={`/funnels/${funnelId}`} variant="light" leftSection={<IconArrowLeft size={16} aria-hidden />}>
            {t('funnelBuilder.small.back')}
          </Button>
        </Stack>
      </Center>
    </div>
  );
}
