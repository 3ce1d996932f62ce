import { Anchor, Button, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** One way to fill an empty place: add, import, load the demo data, read the guide… */
export type TEmptyAction = {
  label: string;
  icon?: ReactNode;
  /** An action in the page (opens a form, starts an import). */
  onClick?: () => void;
  /** Or a page of the app ("/crm?tab=contacts") or a guide (an absolute URL, opened in a new tab). */
  href?: string;
  /** The main action is filled; the others are quieter. */
  primary?: boolean;
  disabled?: boolean;
};

type Props = {
  /** One sentence saying what will appear here and why it is empty ("Vos leads apparaîtront ici."). */
  message: string;
  /** A short heading, when the empty place is a whole page or tab. */
  title?: string;
  /** The illustration: an icon (an inbox by default). */
  icon?: ReactNode;
  actions?: TEmptyAction[];
  /** Inside a card or table (no border of its own, less padding). */
  compact?: boolean;
};

/**
 * What an empty list, board or chart shows: an illustration, one sentence and the actions that fill it, instead of
 * empty boxes and "0 €". Not for "no result for this filter", which says so and offers to clear the filter.
 */
export function EmptyState({ message, title, icon, actions = [], compact = false }: Props) {
  return (
    <Paper withBorder={!compact} p={compact ? 'md' : 'xl'} radius="md" data-testid="empty-state">
      <Stack align="center" gap="sm" ta="center">
        <ThemeIcon size={compact ? 40 : 56} radius="xl" variant="light" aria-hidden>
          {icon ?? <IconInbox size={compact ? 22 : 30} stroke={1.5} />}
        </ThemeIcon>
        {title && (
          <Title order={3} size="h4">
            {title}
          </Title>
        )}
        <Text c="dimmed" maw={460}>
          {message}
        </Text>
        {actions.length > 0 && (
          <Group justify="center" gap="sm" mt="xs">
            {actions.map((action) => (
              <EmptyAction key={action.label} action={action} />
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function EmptyAction({ action }: { action: TEmptyAction }) {
  const variant = action.primary ? 'filled' : 'default';
  const common = { variant, leftSection: action.icon, disabled: action.disabled } as const;
  if (action.href && /^https?:\/\//.test(action.href)) {
    return (
      <Anchor href={action.href} target="_blank" rel="noreferrer" underline="always">
        {action.label}
      </Anchor>
    );
  }
  if (action.href) {
    return (
      <Button component={Link} to={action.href} {...common}>
        {action.label}
      </Button>
    );
  }
  return (
    <Button onClick={action.onClick} {...common}>
      {action.label}
    </Button>
  );
}
