import { Button, Tooltip } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';

/**
 * The spec's AI button ("Générer…") on a page whose AI generation is not built yet (issue 15): shown where the user
 * expects it, focusable so its tooltip can say why it does nothing, and never pretending to work.
 */
export function AiLaterButton({ label, why }: { label: string; why: string }) {
  return (
    <Tooltip label={why} multiline w={240} withArrow>
      <Button
        variant="default"
        leftSection={<IconSparkles size={16} aria-hidden />}
        data-disabled
        aria-disabled="true"
        onClick={(event) => event.preventDefault()}
      >
        {label}
      </Button>
    </Tooltip>
  );
}
